<#--
  更正通报模板：本期通报签发之后又有改动（更正、申诉的决定）时，由改动后重新考核的运行生成 更正通报.md、更正通报.docx。
  写法与通报全文模板相同（【标记】开头的行开始一块）；可用变量见 rules/README.md“更正通报模板”一节。
-->
【发文机关标志】${issuer}

【发文字号】${docNo}

【标题】
${issuer}
关于更正${year?c}年${periodWord}12345市民热线工单
市长信箱县长信箱办理等工作情况通报的通报

【主送机关】${addressees}：

${correctedDate}印发的《关于${year?c}年${periodWord}12345市民热线工单市长信箱县长信箱办理等工作情况的通报》（${correctedDocNo}）签发后，经核实更正、审核单位申诉，有 ${items?size} 处需要更正，现通报如下：

<#list items as i>
${i?counter}. ${i.where}：<#if i.figure?has_content>${i.figure}由“${i.before}”更正为“${i.after}”<#else>${i.what}</#if><#if i.reasons?has_content>（原因：${i.reasons?join("；")}）</#if>。
</#list>

原通报其余内容不变。

【署名】${issuer}

【成文日期】${date}

【抄送】抄送：${cc}

【印发】
${printer}
${printDate}印发
