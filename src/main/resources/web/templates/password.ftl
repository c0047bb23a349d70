<#import "layout.ftl" as l>
<@l.page title="修改密码">
<section class="login">
<h1>修改密码</h1>
<#if mustChange><p class="alert" role="alert">管理员重置了这个账号的密码：请先设一个只有您自己知道的新密码，才能继续使用。</p></#if>
<#if message??><p class="alert" role="alert">${message}</p></#if>
<form method="post" action="/account/password">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>原密码 <input name="current" type="password" autocomplete="current-password" required></label>
  <label>新密码 <input name="password" type="password" autocomplete="new-password" required minlength="${minLength}"></label>
  <label>再输入一次新密码 <input name="repeat" type="password" autocomplete="new-password" required></label>
  <button type="submit">修改密码</button>
</form>
<p class="hint">新密码至少 ${minLength} 个字符，不能是常见密码，不能含账号名、连续的数字或字母（如 12345、abcde）、键盘上相邻的一串键或 4 个相同的字符；按 UTF-8 最多 72 字节（一个汉字占 3 字节）。</p>
</section>
</@l.page>
