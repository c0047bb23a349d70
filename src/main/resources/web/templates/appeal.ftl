<#import "layout.ftl" as l>
<@l.page title="申诉 #${a.getId()?c}">
<h1>申诉 #${a.getId()?c}：${a.getUnitName()}</h1>
<#if done><p class="note" role="status" id="done">已保存。</p></#if>
<table class="grid" id="appeal">
<tbody>
<tr><th>考核期</th><td>${a.getPeriod()}</td></tr>
<tr><th>单位</th><td>${a.getUnitName()}</td></tr>
<tr><th>申诉类型</th><td id="appeal-kind">${a.getKind()}（同意后：${a.getEffect()}<#if a.getProposedValue()?has_content> ${a.getProposedValue()}</#if>）</td></tr>
<tr><th>工单</th><td id="appeal-orders"><#list orders as o>${o}<#sep>、</#list></td></tr>
<tr><th>理由</th><td id="appeal-reason">${a.getReason()}</td></tr>
<tr><th>提出</th><td>${a.getFiledBy()}，${a.filedText()}</td></tr>
<tr><th>附件</th><td><#if a.hasAttachment()><a id="appeal-attachment" href="/appeals/${a.getId()?c}/attachment">${a.getAttachmentName()}</a>（${(a.getAttachmentSize() / 1024)?ceiling} KB）<#else>无</#if></td></tr>
<tr><th>状态</th><td id="appeal-state">${a.getState()?string}</td></tr>
<#if a.isDecided()>
<tr><th>决定</th><td id="appeal-decision"><#if a.getState()?string == "已同意">同意<#else>不同意</#if>：${a.getDecisionReason()}（${a.getDecidedBy()}，${a.decidedText()}）</td></tr>
</#if>
</tbody>
</table>
<#if a.getState()?string == "已同意" && seesAll>
<p class="hint">已按申诉类型登记了更正或核减（见“更正”页），重新考核后生效；旧运行不变。</p>
</#if>
<#if offers?? && offers?size gt 0>
<section class="rerun" id="rerun">
<h2>重新考核</h2>
<p>申诉的工单属于下列考核期，请选择要重新考核的一期（本期通报在核对中或已签发的排在前面）。结果另存为一次新的运行，完成后打开两次运行的比较；通报要改用新运行，请到该期的通报页“换用运行”。</p>
<#list offers as o>
<form method="post" action="/corrections/rerun" class="inline rerun-offer">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="run" value="${o.run?c}">
  <button type="submit">重新考核 ${o.period}</button>
  <span class="hint">沿用运行 #${o.run?c}，截至 ${o.cutoff}<#if o.notice?has_content>；${o.notice}<#else>；本期还没有通报</#if></span>
</form>
</#list>
</section>
</#if>
<#if mayDecide>
<h2>决定</h2>
<#if rulesMissing?? && rulesMissing?size gt 0><#list rulesMissing as w><p class="alert rules-missing">${w}。</p></#list></#if>
<form method="post" action="/appeals/${a.getId()?c}/decide" id="decide-form">
  <input type="hidden" name="_csrf" value="${csrf}">
  <p>
    <label><input type="radio" name="decision" value="accept" required> 同意（${a.getEffect()}）</label>
    <label><input type="radio" name="decision" value="reject"> 不同意</label>
  </p>
  <#if a.getEffect() != "不计入考核">
  <p><label>新值（留空按单位提出的“${a.getProposedValue()}”） <input name="value" size="24"></label></p>
  </#if>
  <p><label>理由（单位会看到）<br><textarea name="reason" rows="3" cols="60" required maxlength="2000"></textarea></label></p>
  <button type="submit">保存决定</button>
</form>
</#if>
<p><a href="/appeals">全部申诉</a></p>
</@l.page>
