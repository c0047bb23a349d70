<#import "layout.ftl" as l>
<@l.page title="${title}">
<#if !over><noscript><meta http-equiv="refresh" content="3"></noscript></#if>
<h1>${title}</h1>
<section id="job" class="job preview-job" data-json="${json}" data-over="${over?c}">
<dl class="meta">
  <dt>状态</dt><dd><span id="job-state" class="state-${state}">${state}</span></dd>
</dl>
<#if !over>
<p id="job-progress-text">${progress}</p>
<progress id="job-progress" max="100"<#if (percent >= 0)> value="${percent}"</#if>><#if (percent >= 0)>${percent}%</#if></progress>
<p class="hint">预览排在导入与考核的同一条队列里，做完后本页自动显示结果。预览不保存任何运行，也不改变默认运行。</p>
</#if>
</section>
<#if state == "失败">
  <p class="alert" role="alert" id="job-failure">${failure}</p>
  <#if problems?has_content><ul class="preview-errors"><#list problems as p><li>${p}</li></#list></ul></#if>
  <p><a href="/rules">返回规则</a></p>
</#if>
<script src="/assets/job.js" defer></script>
</@l.page>
