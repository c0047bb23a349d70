<#-- 单位账号首页：本期通报核对中（截至哪天）与已签发的通报（可下载）。 -->
<#if unitNotices??>
<section class="unit-notices" id="unit-notices">
<h2>通报</h2>
<#if unitNotices?size == 0>
<p class="note">现在没有核对中或已签发的通报。</p>
</#if>
<ul>
<#list unitNotices as n>
<#if n.checking>
<li class="checking">${n.period} 本期通报核对中，截至 ${n.openUntil}（含当日）：请核对<#if unitId??><a href="/runs/${n.run?c}/units/${unitId?c}">本单位的数字（运行 #${n.run?c}）</a><#else>本单位的数字</#if>，有异议可提出申诉。<a href="/notices/${n.id?c}">通报 #${n.id?c}</a></li>
<#else>
<li class="signed">${n.period} ${n.kind}已签发（${n.docNumber}，${n.docDate}）：<a href="/notices/${n.id?c}">下载${n.kind}</a><#if unitId??>；<a href="/runs/${n.run?c}/units/${unitId?c}">本单位的数字（运行 #${n.run?c}）</a></#if></li>
</#if>
</#list>
</ul>
</section>
</#if>
