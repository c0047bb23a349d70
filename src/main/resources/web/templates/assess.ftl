<#import "layout.ftl" as l>
<#import "jobs.ftl" as j>
<@l.page title="开始考核">
<h1>开始考核</h1>
<#if message??><p class="alert" role="alert">${message}</p></#if>
<p>按当前规则对一个考核期做考核，结果保存为一次新的运行；以前的运行不变，仍可查看与比较。考核在后台进行，页面显示进度。</p>
<form method="post" action="/assess" class="inline">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>考核期 <input name="period" value="${form.period!""}" placeholder="2021-Q4" required></label>
  <label>截至日期（可不填） <input name="cutoff" value="${form.cutoff!""}" placeholder="默认为考核期最后一天"></label>
  <label class="check"><span><input type="checkbox" name="allowEmpty"<#if (form.allowEmpty!"") == "on"> checked</#if>> 仍保存空运行</span></label>
  <button type="submit">开始考核</button>
</form>
<p class="hint">考核期的写法：${forms}。</p>
<p class="hint">“仍保存空运行”默认不勾选：考核期内一件工单也没有时，不保存这次运行，免得它成为该期的正式结果。</p>
<p class="hint">考核用的规则：${rulesLabel}。</p>
<@j.recent jobs=jobs/>
</@l.page>
