<#--
  通报全文模板：生成 通报.md、通报.docx、附件.xlsx（三者由同一份输出生成）。
  以【标记】开头的行开始一个块，块到空行为止；其余每个非空行是一段正文，
  “一、”“（一）”开头且不含句号的行自动排成一级、二级标题。标记和可用变量见 rules/README.md。
-->
【发文机关标志】${issuer}

【发文字号】${docNo}

【标题】
${issuer}
<#if 通报渠道?has_content>
关于${year?c}年${periodWord}${通报渠道[0].名称}工单
<#list 通报渠道[1..] as c>${c.名称}</#list>办理等工作情况的通报
<#else>
关于${year?c}年${periodWord}工作情况的通报
</#if>

【主送机关】${addressees}：

现就${year?c}年${periodWord}<#list 通报渠道 as c>${c.称呼}<#sep>、</#sep></#list><#if monitoring>办理，政府网站及政府系统政务新媒体信息更新情况<#else>办理情况</#if>予以通报，请各相关单位结合实际抓好整改落实。

<#list sections as s>
${s}

</#list>
<#list tableLists as l>
<#if l.members?has_content>
${l.intro}${l.members?join("、")}。

</#if>
</#list>
【附件说明】
<#list annexes as a>
<#if a?is_first>附件：</#if>${a.no}. ${a.title}
</#list>

【署名】${issuer}

【成文日期】${date}

<#list annexes as a>
【附件 ${a.no}】
${a.title}
<#list a.notes as n>
${n}
</#list>

</#list>
【抄送】抄送：${cc}

【印发】
${printer}
${printDate}印发
