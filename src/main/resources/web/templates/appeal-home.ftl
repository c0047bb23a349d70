<#-- 单位首页：等着本单位看的事（AppealController.news） -->
<#if appealNews?? && appealNews?size gt 0>
<section class="note" id="appeal-news">
<h2>申诉已处理</h2>
<ul><#list appealNews as r><#assign a = r.a>
<li><a href="/appeals/${a.getId()?c}">申诉 #${a.getId()?c}</a>（${a.getKind()}，<#list r.orders as o>${o}<#sep>、</#list>）${a.getState()?string}：${a.getDecisionReason()}（${a.getDecidedBy()}，${a.decidedText()}）</li>
</#list></ul>
</section>
</#if>
