<#import "layout.ftl" as l>
<@l.page title="${kind}任务">
<#if !over><noscript><meta http-equiv="refresh" content="3"></noscript></#if>
<h1>${title}</h1>
<section id="job" class="job" data-json="/jobs/${id}.json" data-over="${over?c}">
<dl class="meta">
  <dt>状态</dt><dd><span id="job-state" class="state-${state}">${state}</span></dd>
  <dt>提交的账号</dt><dd>${owner}</dd>
  <dt>提交时间</dt><dd>${created}</dd>
  <#if started?has_content><dt>开始时间</dt><dd>${started}</dd></#if>
  <#if finished?has_content><dt>结束时间</dt><dd>${finished}（用时 ${seconds} 秒）</dd></#if>
  <#if rules?has_content><dt>使用的规则</dt><dd id="job-rules">${rules}</dd></#if>
</dl>
<#if !over>
<p id="job-progress-text">${progress}</p>
<progress id="job-progress" max="100"<#if (percent >= 0)> value="${percent}"</#if>><#if (percent >= 0)>${percent}%</#if></progress>
<p class="hint">页面会自动更新；可以先离开，稍后从“导入”或“开始考核”页的“最近的任务”回到这里。</p>
</#if>
</section>
<#if state == "完成">
  <#if kind == "导入">
  <p class="ok-box" role="status">导入完成。</p>
  <table class="grid" id="job-files">
  <thead><tr><th>文件</th><th>种类</th><th>编码</th><th class="num">读取行数</th><th class="num">新增行数</th></tr></thead>
  <tbody>
  <#list files as f>
  <tr><td>${f.file}</td><td>${f.kind}</td><td>${f.encoding}</td><td class="num">${f.read}</td><td class="num">${f.added}</td></tr>
  </#list>
  </tbody>
  </table>
  <p><a href="/assess">开始考核</a> · <a href="/import">继续导入</a></p>
  <#elseif kind == "全辖区考核">
  <p class="ok-box" role="status">${summary}</p>
  <table class="grid" id="job-jurisdictions">
  <thead><tr><th>辖区</th><th>规则</th><th>结果</th></tr></thead>
  <tbody>
  <#list files as f>
  <tr><td>${f.name}</td><td>${f.rules}</td><td>${f.result}</td></tr>
  </#list>
  </tbody>
  </table>
  <p><#if next??><a id="job-next" href="${next}">${nextLabel}</a></#if></p>
  <#else>
  <p class="ok-box" role="status">${summary}</p>
  <p><#if next??><a id="job-next" href="${next}">${nextLabel}</a> · </#if><a id="job-run" href="/runs/${runId?c}">打开运行 #${runId?c}</a> · <a href="/runs">全部运行</a></p>
  </#if>
<#elseif state == "失败">
  <p class="alert" role="alert" id="job-failure">${failure}</p>
  <#if problems?has_content>
  <table class="grid problems" id="job-problems">
  <thead><tr><th>文件</th><th class="num">行</th><th>列</th><th>值</th><th>说明</th></tr></thead>
  <tbody>
  <#list problems as p>
  <tr><td>${p.file}</td><td class="num">${p.line}</td><td>${p.column}</td><td>${p.value}</td><td>${p.message}</td></tr>
  </#list>
  </tbody>
  </table>
  <#if (problemCount > problems?size)><p class="hint">只列出前 ${problems?size} 处，共 ${problemCount} 处。改正后请重新上传全部文件。</p></#if>
  </#if>
  <p><a href="<#if kind == "导入">/import<#else>/assess</#if>">返回</a></p>
</#if>
<script src="/assets/job.js" defer></script>
</@l.page>
