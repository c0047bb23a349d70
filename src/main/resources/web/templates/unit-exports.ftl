<#-- 导出本单位的转办（按当前筛选）与各项数字；单位账号只能导出本单位的 -->
<p class="exports">导出<#if filteredCount != orderCount>筛选后的</#if>全部 ${filteredCount} 条转办：
<a href="/runs/${run.id}/units/${unitId}/export?what=orders&amp;format=xlsx&amp;status=${status?url('UTF-8')}&amp;month=${month?url('UTF-8')}">Excel 表格（XLSX）</a>
<a href="/runs/${run.id}/units/${unitId}/export?what=orders&amp;format=csv&amp;status=${status?url('UTF-8')}&amp;month=${month?url('UTF-8')}">CSV 表格</a>
；各项数字：<a href="/runs/${run.id}/units/${unitId}/export?what=figures&amp;format=xlsx">Excel 表格（XLSX）</a>
<a href="/runs/${run.id}/units/${unitId}/export?what=figures&amp;format=csv">CSV 表格</a></p>
