<#-- 排名类名单：各单位在排名依据上的取值与名额线（运行记下的名次） -->
<#import "charts.ftl" as ch>
<#if spreadCharts?? && spreadCharts?size gt 0>
<h2 id="spread">各单位的排名依据与名额线</h2>
<div class="charts-wide">
<#list spreadCharts as c><@ch.chart c=c/></#list>
</div>
<@ch.scripts/>
</#if>
