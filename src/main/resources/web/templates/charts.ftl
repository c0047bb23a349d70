<#-- 图：数据放在 application/json 块里，由 /assets/charts.js 用 ECharts 画出（严格的 CSP 下没有内联脚本）；同样的数字在图下排成表格 -->
<#macro chart c>
<figure class="chart-box" id="${c.id}">
<figcaption>${c.title}</figcaption>
<div class="chart" data-chart="${c.id}-data" role="img" aria-label="${c.title}"></div>
<script type="application/json" id="${c.id}-data">${c.json?no_esc}</script>
<details class="chart-table" open>
<summary>图中的数字</summary>
<table class="grid chart-numbers">
<thead><tr><#list c.header as h><th>${h}</th></#list></tr></thead>
<tbody><#list c.rows as row><tr><#list row as v><td<#if v?index gt 0> class="num"</#if>>${v}</td></#list></tr></#list></tbody>
</table>
</details>
</figure>
</#macro>
<#-- 每页一次，放在最后一张图之后 -->
<#macro scripts>
<script src="/assets/echarts.min.js"></script>
<script src="/assets/charts.js"></script>
</#macro>
