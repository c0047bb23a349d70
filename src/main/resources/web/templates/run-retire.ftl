<#-- 运行是否作废；经办可在这里作废它（写明原因，记入操作记录） -->
<#if retired??>
<p class="alert" id="retired">这次运行已于 ${retired.at} 由 ${retired.by} 作废：${retired.reason}。它不再是本期的正式结果。</p>
<#elseif operates>
<details class="noprint" id="retire">
<summary>作废这次运行</summary>
<form class="retire" method="post" action="/runs/${run.id}/retire">
  <input type="hidden" name="_csrf" value="${csrf}">
  <p class="hint">作废的运行不删除，仍可查看，但不再是本期的正式结果和默认运行。作废记入操作记录。</p>
  <label>原因（必填）<br><textarea name="reason" rows="2" maxlength="200" required></textarea></label>
  <p><button type="submit">作废</button></p>
</form>
</details>
</#if>
