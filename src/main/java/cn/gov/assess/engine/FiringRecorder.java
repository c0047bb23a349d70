package cn.gov.assess.engine;

import cn.gov.assess.facts.Candidate;
import cn.gov.assess.facts.ChannelInfo;
import cn.gov.assess.facts.CheckFailure;
import cn.gov.assess.facts.Disqualification;
import cn.gov.assess.facts.Firing;
import cn.gov.assess.facts.InterviewFact;
import cn.gov.assess.facts.ListEntry;
import cn.gov.assess.facts.MediaAccountFact;
import cn.gov.assess.facts.MediaCheckFact;
import cn.gov.assess.facts.Tally;
import cn.gov.assess.facts.UnitInfo;
import cn.gov.assess.facts.WebsiteCheckFact;
import cn.gov.assess.facts.WebsiteColumnFact;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.rule.Match;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 收集第二步全部触发的监听器：每次触发记成一条审计记录（{@link Firing}）。 */
public final class FiringRecorder extends DefaultAgendaEventListener {
    private final Map<Long, UnitInfo> units;
    private final List<Firing> firings = new ArrayList<>();

    public FiringRecorder(Map<Long, UnitInfo> units) {
        this.units = units;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match m = event.getMatch();
        Long unit = null;
        String channel = null;
        List<String> facts = new ArrayList<>();
        for (Object o : m.getObjects()) {
            String d = describe(o);
            if (d != null) {
                facts.add(d);
            }
            if (unit == null) {
                unit = unitOf(o);
            }
            if (channel == null) {
                channel = channelOf(o);
            }
        }
        List<String> values = new ArrayList<>();
        for (String id : m.getDeclarationIds()) {
            Object v = m.getDeclarationValue(id);
            if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof TemporalAccessor
                    || v instanceof BigDecimal) {
                values.add(id + "=" + v);
            }
        }
        firings.add(new Firing(firings.size() + 1, m.getRule().getName(), unit, channel, String.join("；", facts),
                String.join("；", values)));
    }

    private String name(long id) {
        UnitInfo u = units.get(id);
        return u == null ? String.valueOf(id) : u.getName();
    }

    private String describe(Object o) {
        if (o instanceof Tally t) {
            return "汇总[" + t.getChannel() + "/" + (t.getUnitId() == null ? "合计" : name(t.getUnitId())) + "：应办 " + t.getDue()
                    + "，实办 " + t.getHandled() + "，逾期办结 " + t.getOverdueCompleted() + "，逾期未办 " + t.getOverdueUnhandled() + "]";
        } else if (o instanceof UnitInfo u) {
            return "单位[" + u.getName() + "]";
        } else if (o instanceof Candidate c) {
            return "候选[" + c.getList() + "/" + c.getChannel() + "/" + c.getUnit().getName() + "：" + c.getVolume() + "]";
        } else if (o instanceof ChannelInfo c) {
            return "渠道[" + c.name() + "]";
        } else if (o instanceof WebsiteCheckFact w) {
            return "网站监测[" + name(w.getUnitId()) + " " + w.getDate() + "]";
        } else if (o instanceof WebsiteColumnFact w) {
            return "网站栏目[" + w.getNameWritten() + "]";
        } else if (o instanceof MediaCheckFact k) {
            return "新媒体监测[" + k.getPlatform() + "“" + k.getAccountName() + "” " + k.getDate() + "]";
        } else if (o instanceof MediaAccountFact a) {
            return "新媒体账号[" + a.getPlatform() + "“" + a.getName() + "” " + a.getStatus() + "]";
        } else if (o instanceof InterviewFact i) {
            return "在线访谈[" + name(i.getUnitId()) + " " + i.getDate() + "]";
        } else if (o instanceof Disqualification d) {
            return "一票否决[" + name(d.getUnitId()) + "/" + d.getChannel() + "]";
        }
        return null;
    }

    public static Long unitOf(Object o) {
        if (o instanceof Tally t) {
            return t.getUnitId();
        } else if (o instanceof UnitInfo u) {
            return u.getId();
        } else if (o instanceof Candidate c) {
            return c.getUnitId();
        } else if (o instanceof WebsiteCheckFact w) {
            return w.getUnitId();
        } else if (o instanceof WebsiteColumnFact w) {
            return w.getUnitId();
        } else if (o instanceof MediaCheckFact k) {
            return k.getOwnerUnitId();
        } else if (o instanceof MediaAccountFact a) {
            return a.getOwnerUnitId();
        } else if (o instanceof InterviewFact i) {
            return i.getUnitId();
        } else if (o instanceof Disqualification d) {
            return d.getUnitId();
        } else if (o instanceof CheckFailure f) {
            return f.getUnitId();
        } else if (o instanceof ListEntry e) {
            return e.getUnitId();
        }
        return null;
    }

    public static String channelOf(Object o) {
        if (o instanceof Tally t) {
            return t.getChannel();
        } else if (o instanceof Candidate c) {
            return c.getChannel();
        } else if (o instanceof ChannelInfo c) {
            return c.name();
        }
        return null;
    }

    public List<Firing> firings() { return firings; }
}
