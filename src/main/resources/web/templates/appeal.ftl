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
<p class="hint">已按申诉类型登记了更正或核减（见“更正”页），重新考核 ${a.getPeriod()} 后生效；旧运行不变。</p>
</#if>
<#if mayDecide>
<h2>决定</h2>
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
