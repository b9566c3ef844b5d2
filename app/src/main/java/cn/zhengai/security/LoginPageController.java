package cn.zhengai.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The one login page for the webapps and the browser side of the app, in Chinese. */
@Controller
class LoginPageController {

  @GetMapping(path = SecurityConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String loginPage(CsrfToken csrf, @RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      @RequestParam(required = false) String expired) {
    String notice = "";
    if (error != null) {
      notice = "<p class=\"notice error\" role=\"alert\">用户名或密码错误，请重试。</p>";
    } else if (expired != null) {
      notice = "<p class=\"notice error\" role=\"alert\">登录页面已过期，请重新输入用户名和密码。</p>";
    } else if (logout != null) {
      notice = "<p class=\"notice\">您已退出登录。</p>";
    }
    return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="UTF-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>登录 · 诊改平台</title>
          <link rel="icon" href="data:,">
          <link rel="stylesheet" href="/login.css">
        </head>
        <body>
          <main>
            <h1>内部质量保证诊断与改进平台</h1>
            <p class="subtitle">任务列表 · 驾驶舱 · 管理 使用同一账号登录</p>
            %s
            <form method="post" action="/login">
              <label for="username">用户名</label>
              <input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">密码</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <input type="hidden" name="%s" value="%s">
              <button id="login" type="submit">登录</button>
            </form>
          </main>
          <script src="/simulation-banner.js"></script>
        </body>
        </html>
        """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
