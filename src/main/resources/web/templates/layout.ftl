<#macro page title>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — 12345 热线与信箱考核</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="stylesheet" href="/assets/dashboard.css">
<link rel="stylesheet" href="/assets/jurisdiction.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/print.css" media="print">
</head>
<body>
<header class="top">
  <a class="brand" href="/">12345 热线与信箱考核</a>
  <#if me??>
  <nav>
    <a href="/">工作台</a>
    <a href="/runs">考核期与运行</a>
    <a href="/notices">通报</a>
    <#if seesAll>
    <a href="/diff">比较两次运行</a>
    </#if>
    <a href="/orders">工单历史</a>
    <a href="/appeals">申诉</a>
    <#if operates>
    <a href="/import">导入</a>
    <a href="/assess">开始考核</a>
    <a href="/corrections">更正</a>
    </#if>
    <#if seesAll>
    <a href="/rules">规则</a>
    </#if>
    <#if admin>
    <a href="/admin/users">账号</a>
    <a href="/admin/audit">操作记录</a>
    </#if>
  </nav>
  <#if jurisdictionHeader??><#include "jurisdiction-header.ftl"></#if>
  <form class="search" method="get" action="/units/search" role="search">
    <input name="q" placeholder="找单位（名称或别名）" aria-label="找单位（名称或别名）">
    <button type="submit">找</button>
  </form>
  <form class="logout" method="post" action="/logout">
    <input type="hidden" name="_csrf" value="${csrf}">
    <a class="who" href="/account/password" title="修改密码">${me.name()}（${me.role()?string}<#if me.unitName()??>：${me.unitName()}</#if>）</a>
    <button type="submit">退出</button>
  </form>
  </#if>
</header>
<main>
<#if jurisdictionHeader?? && jurisdictionHeader.viewing><p class="viewing" role="status">正在只读查看下级辖区“${jurisdictionHeader.name}”：只能看，不能修改。</p></#if>
<#nested>
</main>
</body>
</html>
</#macro>
