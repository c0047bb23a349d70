<#-- 运行页与单位页共用：这次运行的地位（正式结果、已被取代、通报所用、工作运行），见 issuance/RunStatus。 -->
<#if runStatus??><p class="banner run-${runStatus.kind}" id="run-status">${runStatus.text}<#if runStatus.notice??>（<a href="/notices/${runStatus.notice?c}">查看通报</a>）</#if></p></#if>
