import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './editor.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import translateZh from './translate-zh';
import { api, uploadModel } from './api';
import { showProblems, clearProblems } from './problems';
import { renderChanges, renderMigrationPreview, renderMigration } from './report';
import { section, textItem } from './dom';

const modeler = new BpmnModeler({
  container: '#canvas',
  propertiesPanel: { parent: '#properties' },
  additionalModules: [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    CamundaPlatformBehaviorsModule,
    translateZh
  ],
  moddleExtensions: { camunda: camundaModdle }
});

const page = {
  models: document.getElementById('models'),
  title: document.getElementById('model-title'),
  status: document.getElementById('status'),
  check: document.getElementById('check'),
  deploy: document.getElementById('deploy'),
  download: document.getElementById('download'),
  report: document.getElementById('report'),
  confirm: document.getElementById('confirm'),
  confirmBody: document.getElementById('confirm-body'),
  confirmYes: document.getElementById('confirm-yes'),
  confirmNo: document.getElementById('confirm-no')
};

/** The model on the canvas: its process key and the version it was opened from. */
let current = null;

function say(text, kind = 'info') {
  page.status.textContent = text;
  page.status.className = 'status ' + kind;
}

async function listModels() {
  const models = await api('/api/models');
  page.models.replaceChildren(...models.map(model => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.key = model.key;
    button.innerHTML = '<span class="name"></span><span class="meta"></span>';
    button.querySelector('.name').textContent = model.name || model.key;
    button.querySelector('.meta').textContent =
      `${model.key} · 第 ${model.version} 版 · ${new Date(model.deployedAt).toLocaleString('zh-CN')}`;
    button.addEventListener('click', () => openModel(model).catch(failed));
    item.append(button);
    return item;
  }));
  return models;
}

async function openModel(model) {
  say(`正在打开「${model.name || model.key}」…`);
  const xml = await api(`/api/models/${encodeURIComponent(model.key)}/xml`, { accept: 'application/xml' });
  await modeler.importXML(xml);
  modeler.get('canvas').zoom('fit-viewport');
  current = model;
  page.title.textContent = `${model.name || model.key}（已部署第 ${model.version} 版）`;
  for (const button of page.models.querySelectorAll('button')) {
    button.classList.toggle('selected', button.dataset.key === model.key);
  }
  [ page.check, page.deploy, page.download ].forEach(button => { button.disabled = false; });
  page.report.replaceChildren();
  clearProblems(modeler);
  say(`已打开「${model.name || model.key}」第 ${model.version} 版。修改后请先点“检查”。`);
}

async function editedXml() {
  const { xml } = await modeler.saveXML({ format: true });
  return xml;
}

/** Runs the upload's checks without deploying; shows problems, changes and the migration preview. */
async function check() {
  say('正在检查…');
  const { status, report } = await uploadModel(current.key, await editedXml(), { dryRun: true, migrate: true });
  showReport(report);
  if (status === 200) {
    say(`检查通过：${(report.changes || []).length} 处改动，可以部署。`, 'ok');
    return report;
  }
  say(`检查未通过：${report.problems.length} 个问题，未部署。`, 'error');
  return null;
}

async function deploy() {
  const report = await check();
  if (!report) {
    return;
  }
  const confirmed = await askToConfirm(report);
  if (!confirmed) {
    say('已取消部署。');
    return;
  }
  say('正在部署…');
  const { status, report: deployed } = await uploadModel(current.key, await editedXml(), { migrate: true });
  showReport(deployed);
  if (status !== 200 || !deployed.deployed) {
    say(`部署失败：${deployed.problems.length} 个问题，未部署。`, 'error');
    return;
  }
  const models = await listModels();
  current = models.find(model => model.key === current.key) || current;
  page.title.textContent = `${current.name || current.key}（已部署第 ${deployed.version} 版）`;
  say(`已部署为第 ${deployed.version} 版。`, 'ok');
}

function showReport(report) {
  const sections = [];
  const problems = report.problems || [];
  showProblems(modeler, problems);
  if (problems.length) {
    // a refused model was not compared with the deployed one
    sections.push(problemList(problems));
  } else if (report.changes) {
    sections.push(renderChanges(report.changes));
  }
  if (report.migrationPreview) {
    sections.push(renderMigrationPreview(report.migrationPreview));
  }
  if (report.migration) {
    sections.push(renderMigration(report.migration));
  }
  if (report.notes && report.notes.length) {
    sections.push(section('说明', report.notes.map(note => textItem(note)), 'notes'));
  }
  page.report.replaceChildren(...sections);
}

function problemList(problems) {
  const elementRegistry = modeler.get('elementRegistry');
  return section('问题', problems.map(problem => {
    const item = textItem(describeProblem(problem));
    const element = problem.elementId && elementRegistry.get(problem.elementId);
    if (element) {
      item.classList.add('clickable');
      item.addEventListener('click', () => {
        modeler.get('selection').select(element);
        modeler.get('canvas').scrollToElement(element);
      });
    }
    return item;
  }), 'problems');
}

function describeProblem(problem) {
  if (!problem.elementId) {
    return problem.message;
  }
  const name = problem.elementName ? `（${problem.elementName}）` : '';
  return `${problem.elementId}${name}：${problem.message}`;
}

function askToConfirm(report) {
  page.confirmBody.replaceChildren(
    textItem(`将把「${current.name || current.key}」部署为新版本，并把运行中的实例迁移到新版本。`, 'p'),
    renderChanges(report.changes || []),
    ...(report.migrationPreview ? [ renderMigrationPreview(report.migrationPreview) ] : []));
  page.confirm.showModal();
  return new Promise(resolve => {
    const answer = value => () => {
      page.confirm.close();
      resolve(value);
    };
    page.confirmYes.onclick = answer(true);
    page.confirmNo.onclick = answer(false);
    page.confirm.oncancel = answer(false);
  });
}

async function download() {
  const blob = new Blob([ await editedXml() ], { type: 'application/xml' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${current.key}.bpmn`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function failed(error) {
  say(error.message || String(error), 'error');
}

function guarded(action) {
  return () => {
    [ page.check, page.deploy ].forEach(button => { button.disabled = true; });
    action().catch(failed).finally(() => {
      [ page.check, page.deploy ].forEach(button => { button.disabled = false; });
    });
  };
}

page.check.addEventListener('click', guarded(check));
page.deploy.addEventListener('click', guarded(deploy));
page.download.addEventListener('click', () => download().catch(failed));

listModels().then(models => {
  say(models.length ? '请选择要修改的流程模型。' : '没有已部署的流程模型。');
}).catch(failed);
