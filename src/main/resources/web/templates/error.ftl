<#import "layout.ftl" as l>
<@l.page title="出错了">
<section>
<h1><#if status == 403>无权查看<#elseif status == 404>没有找到<#else>出错了</#if></h1>
<p class="alert" role="alert">${message}</p>
<p><a href="/">回到首页</a></p>
</section>
</@l.page>
