<#-- 本单位各渠道的趋势（各期正式结果）与本期逐月逾期 -->
<#import "charts.ftl" as ch>
<#if unitCharts?? && unitCharts?size gt 0>
<h2 id="charts">趋势与逐月逾期</h2>
<div class="charts">
<#list unitCharts as c><@ch.chart c=c/></#list>
</div>
<@ch.scripts/>
</#if>
