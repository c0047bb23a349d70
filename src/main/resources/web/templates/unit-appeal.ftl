<#-- 本单位页面的申诉部分（AppealController.unitModel）：核减，本单位账号的申诉与提出申诉的表单 -->
<#if u.exclusions()?size gt 0>
<h2 id="exclusions">核减（经申诉同意，不计入考核）</h2>
<ul class="exclusions"><#list u.exclusions() as x><li>${x}</li></#list></ul>
</#if>
<#if appealOwn?? && appealOwn>
<h2 id="appeals">申诉（${appealPeriod}）</h2>
<#if appealList?size gt 0>
<table class="grid" id="my-appeals">
<thead><tr><th>编号</th><th>类型</th><th>工单</th><th>状态</th><th>办公室的决定</th></tr></thead>
<tbody>
<#list appealList as r>
<#assign a = r.a>
<tr id="appeal-${a.getId()?c}"><td><a href="/appeals/${a.getId()?c}">申诉 #${a.getId()?c}</a></td><td>${a.getKind()}</td>
<td><#list r.orders as o>${o}<#sep>、</#list></td><td class="appeal-state">${a.getState()?string}</td>
<td><#if a.isDecided()>${a.getDecisionReason()}（${a.getDecidedBy()}，${a.decidedText()}）<#else>—</#if></td></tr>
</#list>
</tbody>
</table>
</#if>
<#if appealClosed??>
<p class="note" id="appeal-closed">${appealClosed}</p>
<#else>
<p class="hint">本期通报核对中，${appealUntil} 之前（含当天）可以就本单位的工单提出申诉。选择工单、申诉类型并写明理由；须附证明材料的类型请上传 PDF 或图片（不超过 5 MB）。</p>
<#if appealCandidates?size == 0>
<p class="note">这次运行中本单位没有逾期或在办的转办。</p>
<#else>
<form method="post" action="/appeals?_csrf=${csrf}" enctype="multipart/form-data" id="appeal-form">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="period" value="${appealPeriod}">
  <table class="grid">
  <thead><tr><th>选择</th><th>渠道</th><th>工单编号</th><th>分类</th><th>办理时限</th><th>办结时间</th></tr></thead>
  <tbody>
  <#list appealCandidates as c>
  <tr><td><input type="checkbox" name="assignment" value="${c.id}" id="assignment-${c.id}" aria-label="申诉工单 ${c.no}" data-order="${c.no}"></td>
  <td>${c.channel}</td><td>${c.no}</td><td>${c.status}</td><td>${c.deadline}</td><td>${c.completed}</td></tr>
  </#list>
  </tbody>
  </table>
  <p><label>申诉类型
    <select name="kind" required><#list appealKinds as k><option value="${k.name()}">${k.name()}（${k.effect()}<#if k.evidenceRequired()>，须附证明</#if>）</option></#list></select>
  </label></p>
  <ul class="hint"><#list appealKinds as k><li>${k.name()}：${k.note()}</li></#list></ul>
  <p><label>新值（改派写应派给的单位；改时限、改办结时间写新的时间，如 2022-01-31 18:00；核减不用填） <input name="value" size="24"></label></p>
  <p><label>理由<br><textarea name="reason" rows="3" cols="60" required maxlength="2000"></textarea></label></p>
  <p><label>证明材料（PDF 或图片，可不传） <input type="file" name="attachment" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"></label></p>
  <button type="submit">提出申诉</button>
</form>
</#if>
</#if>
</#if>
