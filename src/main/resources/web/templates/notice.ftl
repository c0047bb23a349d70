<#import "layout.ftl" as l>
<@l.page title="${n.period} ${n.kind} #${n.id?c}">
<h1>${n.period} ${n.kind} #${n.id?c}：${n.state}</h1>
<p class="banner status-${n.state}" id="notice-state"><#if n.checking>本期通报核对中，截至 ${n.openUntil}（含当日），各单位可核对本单位的数字并提出申诉。<#elseif n.state == "已签发">已签发：文号 ${n.docNumber}，成文日期 ${n.docDate}，${n.signedBy} 于 ${n.signedAt} 签发；不再修改。<#elseif n.state == "已作废">已作废，不再使用。<#else>${n.state}，尚未签发。</#if></p>
<#if error??><p class="alert" id="notice-error">${error}</p></#if>
<dl class="meta">
  <dt>所用运行</dt><dd><#if seesAll><a href="/runs/${n.run?c}">运行 #${n.run?c}</a><#elseif me.unitId()??><a href="/runs/${n.run?c}/units/${me.unitId()?c}">运行 #${n.run?c}（本单位）</a><#else>运行 #${n.run?c}</#if></dd>
  <dt>运行的地位</dt><dd id="run-status">${status}</dd>
  <#if n.correction><dt>更正</dt><dd><a href="/notices/${n.corrects}">通报 #${n.corrects}</a></dd></#if>
  <dt>起草</dt><dd>${n.preparedBy}，${n.preparedAt}</dd>
  <#if n.docNumber?has_content><dt>文号</dt><dd>${n.docNumber}</dd><dt>成文日期</dt><dd>${n.docDate}</dd></#if>
</dl>

<h2>下载</h2>
<div class="downloads" id="notice-files">
<#list files as f><a href="/notices/${n.id?c}/files/${f?url('UTF-8')}" download>${f}</a></#list>
</div>

<#if items??>
<h2>更正的各处（共 ${items?size} 处）</h2>
<table class="grid" id="correction-items">
<thead><tr><th>位置</th><th>项目</th><th>原为</th><th>更正为</th><th>原因</th></tr></thead>
<tbody>
<#list items as i>
<tr><td>${i.where()}</td><td><#if i.figure()?has_content>${i.figure()}<#else>${i.what()}</#if></td><td>${i.before()}</td><td>${i.after()}</td><td>${i.reasons()?join("；")}</td></tr>
</#list>
</tbody>
</table>
</#if>

<#if canPrepare && n.editable>
<h2>经办</h2>
<#if !n.correction>
<form method="post" action="/notices/${n.id?c}/open" id="open-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label><#if n.state == "草稿">开放核对，截至<#else>核对截止日改为</#if> <input type="date" name="until" min="${today}" value="${n.openUntil}" required></label>
  <button type="submit"><#if n.state == "草稿">开放核对<#else>延长核对</#if></button>
</form>
</#if>
<#if n.checking>
<form method="post" action="/notices/${n.id?c}/close" id="close-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <button type="submit">结束核对，提交签发</button>
</form>
</#if>
<#if newer?? && newer?size gt 0>
<form method="post" action="/notices/${n.id?c}/replace" id="replace-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>换用同期更新的运行 <select name="run"><#list newer?reverse as r><option value="${r.id?c}">运行 #${r.id?c}（${r.created}）</option></#list></select></label>
  <button type="submit">换用运行</button>
</form>
</#if>
<form method="post" action="/notices/${n.id?c}/retire" id="retire-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>作废原因 <input name="reason" size="20" required></label>
  <button type="submit">作废</button>
</form>
</#if>
<#if canPrepare && correctable?? && correctable>
<h2>更正通报</h2>
<#if newer?? && newer?size gt 0>
<form method="post" action="/notices/${n.id?c}/correct" id="correct-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>由签发后重新考核的运行 <select name="run"><#list newer?reverse as r><option value="${r.id?c}">运行 #${r.id?c}（${r.created}）</option></#list></select></label>
  <button type="submit">起草更正通报</button>
</form>
<#else>
<p class="note">签发之后还没有重新考核的运行。登记更正或同意申诉后，在“更正”页重新考核本期，再回到这里起草更正通报。</p>
</#if>
</#if>
<#if canSign && n.editable && n.signable>
<h2>签发</h2>
<form method="post" action="/notices/${n.id?c}/sign" id="sign-form" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>文号 <input name="number" size="24" placeholder="默认取通报信息里的文号"></label>
  <label>成文日期 <input type="date" name="date"></label>
  <button type="submit">签发</button>
  <span class="hint">文号、成文日期不填时取运行的通报信息；起草人不能签发。</span>
</form>
</#if>

<#if events??>
<h2>每一步</h2>
<table class="grid" id="notice-events">
<thead><tr><th>时间</th><th>账号</th><th>操作</th><th>说明</th></tr></thead>
<tbody><#list events as e><tr><td>${e.at}</td><td>${e.account}</td><td>${e.action}</td><td>${e.detail}</td></tr></#list></tbody>
</table>
</#if>
</@l.page>
