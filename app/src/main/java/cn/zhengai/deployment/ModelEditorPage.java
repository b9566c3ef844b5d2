package cn.zhengai.deployment;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The process owners' BPMN editor: a page of the browser session, carrying the session's CSRF token for the
 * editor's calls to {@code /api/models}. The editor itself (bpmn-js, bundled from app/editor at build time) is
 * served from {@code /models/editor/}.
 */
@Controller
class ModelEditorPage {

  static final String PATH = "/models/editor";

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String editor(CsrfToken csrf) {
    return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="UTF-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="csrf-header" content="%s">
          <meta name="csrf-token" content="%s">
          <title>流程模型编辑器 · 诊改平台</title>
          <link rel="icon" href="data:,">
          <link rel="stylesheet" href="/models/editor/editor.css">
        </head>
        <body>
          <header>
            <h1>流程模型编辑器</h1>
            <span>修改流程的任务、顺序、名称、候选组、表单、期限和条件；检查通过后部署为新版本。</span>
            <nav class="links">
              <a href="/camunda/app/tasklist/">任务列表</a>
              <a href="/camunda/app/cockpit/">驾驶舱</a>
            </nav>
          </header>
          <aside id="model-list">
            <h2>已部署的流程模型</h2>
            <ul id="models"></ul>
          </aside>
          <main>
            <div class="toolbar">
              <h2 id="model-title">未打开模型</h2>
              <button id="check" type="button" disabled>检查</button>
              <button id="deploy" type="button" disabled>部署</button>
              <button id="download" type="button" disabled>下载 BPMN</button>
            </div>
            <p id="status" class="status" role="status">正在加载…</p>
            <div id="canvas"></div>
            <div id="report" aria-live="polite"></div>
          </main>
          <aside id="properties"></aside>
          <dialog id="confirm">
            <h2>确认部署</h2>
            <div id="confirm-body"></div>
            <div class="actions">
              <button id="confirm-no" type="button">取消</button>
              <button id="confirm-yes" type="button">确认部署</button>
            </div>
          </dialog>
          <script src="/simulation-banner.js"></script>
          <script src="/models/editor/editor.js"></script>
        </body>
        </html>
        """.formatted(HtmlUtils.htmlEscape(csrf.getHeaderName()), HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
