<#import "layout.ftl" as l>
<@l.page title="登录">
<section class="login">
<h1>登录</h1>
<#if message??><p class="alert" role="alert">${message}</p></#if>
<form method="post" action="/login">
  <input type="hidden" name="_csrf" value="${csrf}">
  <#if (next!"") != ""><input type="hidden" name="next" value="${next}"></#if>
  <label>账号 <input name="name" value="${name!''}" autocomplete="username" required autofocus></label>
  <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">登录</button>
</form>
<p class="hint">还没有账号，或忘了密码？请管理员在“账号”页创建或重置（也可用 <code>bin/assess user add 账号名 --role 角色</code>）。</p>
</section>
</@l.page>
