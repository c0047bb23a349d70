<#-- 最近的后台任务（导入页与考核页下方） -->
<#macro recent jobs>
<h2>最近的任务</h2>
<#if jobs?has_content>
<table class="grid jobs">
<thead><tr><th>提交时间</th><th>任务</th><th>账号</th><th>状态</th><th></th></tr></thead>
<tbody>
<#list jobs as j>
<tr><td>${j.created}</td><td>${j.title}</td><td>${j.owner}</td><td class="state-${j.state}">${j.state}</td>
<td><a href="/jobs/${j.id}">查看</a><#if j.runId??> · <a href="/runs/${j.runId?c}">运行 #${j.runId?c}</a></#if></td></tr>
</#list>
</tbody>
</table>
<#else>
<p class="note">还没有任务。</p>
</#if>
</#macro>
