<#import "layout.ftl" as l>
<#macro entry e>
<#assign c = e.correction()>
<span class="corr-text">更正 #${c.getId()}：${c.getField()}由“${c.getOldValue()}”改为“${c.getNewValue()}”（原因：${c.getReason()}；提出：${c.getRequestedBy()}；${c.createdText()}）</span>
<#if e.withdrawn()>
<span class="off">【已撤回】${e.withdrawal().getRequestedBy()} 于 ${e.withdrawal().getCreatedAt().toLocalDate()} 撤回，原因：${e.withdrawal().getReason()}</span>
<#else>
<@withdrawForm c/>
</#if>
</#macro>
<#macro withdrawForm c>
<form class="inline withdraw" method="post" action="/corrections/${c.getId()}/withdraw" id="w${c.getId()}">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>撤回原因 <input name="reason" value="<#if withdrawError?? && withdrawError.id == c.getId()>${withdrawError.reason}</#if>" size="24"></label>
  <button type="submit">撤回更正 #${c.getId()}</button>
</form>
</#macro>
<@l.page title="更正">
<h1>登记与撤回更正</h1>
<p class="hint">更正与原始记录并存、只增不改：运行看到的是原始记录按编号顺序应用全部未撤回更正后的值。登记或撤回后，按下方“重新考核”生成新的运行，旧运行不变。提出人就是您登录的账号。</p>
<form class="inline" method="get" action="/corrections">
  <label>工单编号 <input name="no" value="${no}" required></label>
  <label>渠道
    <select name="channel"><option value="">任一渠道</option><#list channels as ch><option value="${ch}"<#if ch == channel> selected</#if>>${ch}</option></#list></select>
  </label>
  <button type="submit">查找</button>
</form>
<#if done??><p class="note" role="status" id="done">已登记：${done.describe()}</p></#if>
<#if withdrawn??><p class="note" role="status" id="withdrawn">已撤回更正 #${withdrawn.getId()}。</p></#if>
<#if withdrawError??><p class="alert" role="alert" id="withdraw-error">没有撤回更正 #${withdrawError.id?c}：${withdrawError.message}</p></#if>
<#if notFound??><p class="alert" role="alert">${notFound}</p></#if>
<#if errors?? && topErrors??><div class="alert errors" role="alert">没有登记，请改正后再提交：<ul><#list errors as x><li>${x.column}：${x.message}</li></#list></ul></div></#if>
<#if orders??>
<#if orders?size gt 1><p class="note">编号 ${no} 在 ${orders?size} 个渠道都有工单，下面分别列出；只看一个渠道请在上面选择渠道。</p></#if>
<#list orders as o>
<section class="order" id="o${o.id()}">
<h2>${o.channel()} 工单 ${o.orderNo()}<span class="meta-inline">（受理时间 ${o.receivedAt()}）</span> <a href="/orders?no=${o.orderNo()?url('UTF-8')}&amp;channel=${o.channel()?url('UTF-8')}">工单历史</a></h2>
<#list o.assignments() as a>
<div class="assignment" id="a${a.id()}">
<h3>派给 ${a.unit()}<#if a.unit() != a.originalUnit()>（原派 ${a.originalUnit()}）</#if></h3>
<table class="grid">
<thead><tr><th></th><th>办理单位</th><th>办理时限</th><th>办结时间</th></tr></thead>
<tbody>
<tr><td>原始记录</td><td>${a.originalUnit()}（记录写作“${a.spelling()}”）</td><td>${a.originalDeadline()}</td><td><#if a.originalCompleted()?has_content>${a.originalCompleted()}<#else>未办结</#if></td></tr>
<tr class="current"><td>当前（应用更正后）</td><td>${a.unit()}</td><td>${a.deadline()}</td><td><#if a.completed()?has_content>${a.completed()}<#else>未办结</#if></td></tr>
</tbody>
</table>
<#if a.corrections()?size gt 0>
<ul class="corrections"><#list a.corrections() as e><li id="c${e.correction().getId()}"><@entry e/></li></#list></ul>
</#if>
<#assign mine = form?? && form.assignment == a.id()?c>
<form class="correct" method="post" action="/corrections">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="channel" value="${o.channel()}">
  <input type="hidden" name="no" value="${o.orderNo()}">
  <input type="hidden" name="unit" value="${a.unit()}">
  <input type="hidden" name="assignment" value="${a.id()?c}">
  <#if mine>
  <div class="alert errors" role="alert">没有登记，请改正后再提交：<ul><#list errors as x><li>${x.column}：${x.message}</li></#list></ul></div>
  </#if>
  <label>更正项目
    <select name="field"><#list fields as f><option value="${f}"<#if mine && form.field == f> selected</#if>>${f}</option></#list></select>
  </label>
  <label>新值 <input name="value" value="<#if mine>${form.value}</#if>" size="22" placeholder="单位名称，或 2021-12-31 18:00"></label>
  <label>原因（必填） <input name="reason" value="<#if mine>${form.reason}</#if>" size="30"></label>
  <button type="submit">登记更正</button>
  <span class="hint">新值：办理单位写单位名称或别名；日期如 2021-12-31、2021/12/31 18:00（只写日期时，办理时限按当天 23:59:59）；办结时间留空表示未办结。</span>
</form>
</div>
</#list>
</section>
</#list>
<#if offers??>
<section class="rerun" id="rerun">
<h2>重新考核</h2>
<p>这些工单属于下列考核期，请选择要重新考核的一期（本期通报在核对中或已签发的排在前面）。每期沿用所列运行的截至时间，使用当前发布的规则版本，结果另存为一次新的运行，旧运行不变；作为后台任务排队（与导入、开始考核依次执行），页面显示进度，完成后自动打开两次运行的比较。通报要改用新运行，请到该期的通报页“换用运行”。</p>
<#list offers as o>
<form method="post" action="/corrections/rerun" class="inline rerun-offer">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="run" value="${o.run?c}">
  <button type="submit">重新考核 ${o.period}</button>
  <span class="hint">沿用运行 #${o.run?c}，截至 ${o.cutoff}<#if o.notice?has_content>；${o.notice}<#else>；本期还没有通报</#if></span>
</form>
</#list>
</section>
<#elseif orders?size gt 0>
<p class="note">还没有包含此工单的考核运行；请到“开始考核”页运行。</p>
</#if>
</#if>
<h2>最近的更正</h2>
<#if recent?size == 0>
<p>还没有登记过更正。</p>
<#else>
<table class="grid recent">
<thead><tr><th>编号</th><th>登记时间</th><th>提出人</th><th>工单</th><th>转办</th><th>更正项目</th><th>原值 → 新值</th><th>原因</th><th>状态</th></tr></thead>
<tbody>
<#list recent as e>
<#assign c = e.correction()>
<tr id="r${c.getId()?c}">
<td>#${c.getId()?c}</td>
<td>${c.createdText()}</td>
<td>${c.getRequestedBy()}</td>
<td><a href="/corrections?no=${c.getOrderNo()?url('UTF-8')}&amp;channel=${c.getChannel()?url('UTF-8')}">${c.getChannel()} ${c.getOrderNo()}</a></td>
<td>${c.getUnitName()}</td>
<td>${c.getField()}</td>
<td>“${c.getOldValue()}” → “${c.getNewValue()}”</td>
<td>${c.getReason()}</td>
<td><#if e.withdrawn()>已撤回（${e.withdrawal().getRequestedBy()}，${e.withdrawal().getCreatedAt().toLocalDate()}：${e.withdrawal().getReason()}）<#else>有效</#if></td>
</tr>
</#list>
</tbody>
</table>
</#if>
</@l.page>
