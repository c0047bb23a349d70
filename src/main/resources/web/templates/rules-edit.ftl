<#import "layout.ftl" as l>
<@l.page title="编辑 ${path}（草稿${v.label}）">
<h1>编辑 ${path}</h1>
<p class="toc"><a href="/rules/drafts/${v.id}">回到草稿${v.label}</a><a href="/rules/drafts/${v.id}/preview">预览</a></p>
<#if intro?has_content><p class="hint table-intro"><#list intro?split("`") as part><#if part?index % 2 == 1><code>${part}</code><#else>${part}</#if></#list></p></#if>
<p class="hint">这是草稿${v.label}（基于${v.baseLabel}，起草人 ${v.author}）。保存只改草稿，不影响正在使用的规则；发布须经审核。
表格的列次序和未改动的行原样保留。清空一行的所有格或勾选“删去”即删去这一行。</p>
<#if message??><p class="alert" id="message">${message}</p></#if>
<#if saved><p class="on" id="saved">已保存到草稿${v.label}。</p></#if>
<#if errors?size == 0>
<p class="on" id="check">规则检查通过，可以提交审核发布。</p>
<#else>
<div class="alert" id="check"><strong>规则检查发现 ${errors?size} 处错误</strong>（草稿已保存，但改正之前不能发布）：
<ul class="reasons"><#list errors as e><li>${e}</li></#list></ul></div>
</#if>
<form method="post" action="/rules/drafts/${v.id}/edit" class="table-form">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="path" value="${path}">
<input type="hidden" name="sha" value="${sha}">
<#assign n = table.rows?size + (extra?then(1, 0))>
<input type="hidden" name="rows" value="${n}">
<div class="table-scroll">
<table class="grid edit">
<thead><tr><th class="num col-row">行</th><#list table.header as h><th class="${colCss[h?index]}<#if h?index == 0> col-key</#if>"<#if help[h]??> title="${help[h]?replace("`", "")}"</#if>>${h}</th></#list><th>删去</th></tr>
<#if help?size gt 0><tr class="help-row"><th class="col-row">说明</th><#list table.header as h><td class="hint<#if h?index == 0> col-key</#if>"><#list (help[h]!"")?split("`") as part><#if part?index % 2 == 1><code>${part}</code><#else>${part}</#if></#list></td></#list><td></td></tr></#if>
</thead>
<tbody>
<#list table.rows as row>
<#assign ri = row?index>
<tr><td class="num col-row">${ri + 2}</td><#list row as c><td<#if c?index == 0> class="col-key"</#if>><textarea name="c${ri}_${c?index}" class="${colCss[c?index]}<#if badCells?seq_contains(ri + "_" + c?index)> bad" title="检查发现这一格有错，见上方说明<#else></#if>" rows="${[[(c?length / colPer[c?index])?ceiling, 1]?max, 8]?min}" aria-label="第 ${ri + 2} 行 ${table.header[c?index]}">${c}</textarea></td></#list>
<td><input type="checkbox" name="del${ri}" aria-label="删去第 ${ri + 2} 行"></td></tr>
</#list>
<#if extra>
<#assign ri = table.rows?size>
<tr class="new"><td class="num col-row">新</td><#list table.header as h><td<#if h?index == 0> class="col-key"</#if>><textarea name="c${ri}_${h?index}" class="${colCss[h?index]}" rows="1" aria-label="新行 ${h}"></textarea></td></#list><td></td></tr>
</#if>
</tbody>
</table>
</div>
<p><button type="submit" name="action" value="save" id="save">保存到草稿</button>
<button type="submit" name="action" value="add">保存并添加一行</button></p>
</form>
</@l.page>
