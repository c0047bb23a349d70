<#import "layout.ftl" as l>
<#import "jobs.ftl" as j>
<@l.page title="导入">
<h1>导入数据</h1>
<#if message??><p class="alert" role="alert">${message}</p></#if>
<p>可以一次选择多个文件：派单记录（12345 热线、信箱等平台导出）、单位表、监测类文件（网站、新媒体检查，约谈等）、通报信息。
格式为 CSV 或 Excel（.xlsx、.xls），第一行是中文表头，与命令 <code>assess import</code> 读取的文件相同。</p>
<ul class="hint">
<li>全部文件、全部行都检查无误才写入；只要有一处错误，就一行也不写入，并逐条列出错误（文件、行、列、值）。</li>
<li>已导入过的相同记录会自动跳过，重复上传同一文件不会重复计数。</li>
<li>大文件在后台导入：上传完成后转到任务页，页面显示进度，可以离开后再回来看。一次最多 ${maxMb} MB。</li>
<li>上传的文件导入结束即从服务器删除；群众姓名、电话等表头以外的列不读取也不保存。</li>
</ul>
<form method="post" action="/import?_csrf=${csrf}" enctype="multipart/form-data" class="inline upload">
  <input type="hidden" name="_csrf" value="${csrf}">
  <label>选择文件 <input type="file" name="files" multiple required accept=".csv,.xlsx,.xlsm,.xls"></label>
  <button type="submit">上传并导入</button>
</form>
<@j.recent jobs=jobs/>
</@l.page>
