// What a check or deployment answered, in Chinese: the changes against the deployed version and what migration
// does to running instances.
import { section, textItem } from './dom';

/** Each change as its sentence: objects carry it in "text"; older answers are plain strings. */
export function renderChanges(changes) {
  const items = changes.length
    ? changes.map(change => textItem(typeof change === 'string' ? change : change.text || describe(change)))
    : [ textItem('与已部署版本相比没有改动。') ];
  return section(`改动（${changes.length} 处）`, items, 'changes');
}

/** The migration preview, whatever its fields: each key with its value, nested objects and lists indented. */
export function renderMigrationPreview(preview) {
  return section('迁移预览：运行中的实例将会', entries(preview), 'migration-preview');
}

export function renderMigration(migration) {
  return section('迁移结果', entries(migration), 'migration');
}

function entries(value) {
  if (Array.isArray(value)) {
    return value.length ? value.map(item => valueItem(null, item)) : [ textItem('（无）') ];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([ key, item ]) => valueItem(key, item));
  }
  return [ textItem(display(value)) ];
}

function valueItem(key, value) {
  const item = document.createElement('li');
  const label = key === null ? '' : `${labelOf(key)}：`;
  if (value && typeof value === 'object') {
    if (value.text && typeof value.text === 'string') {
      item.textContent = label + value.text;
      return item;
    }
    item.textContent = label;
    const list = document.createElement('ul');
    list.append(...entries(value));
    item.append(list);
    return item;
  }
  item.textContent = label + display(value);
  return item;
}

/** Chinese for the field names the app's answers use; an unknown field shows as it is. */
const LABELS = {
  migrated: '已迁移实例',
  notMigrated: '未能迁移的实例',
  processInstanceId: '实例',
  businessKey: '业务键',
  fromVersion: '原版本',
  reasons: '原因',
  elementId: '元素',
  elementName: '名称',
  kind: '类型',
  aspect: '方面',
  before: '原为',
  after: '改为',
  text: '说明'
};

function labelOf(key) {
  return LABELS[key] || key;
}

function display(value) {
  if (value === null || value === undefined || value === '') {
    return '（无）';
  }
  if (typeof value === 'boolean') {
    return value ? '是' : '否';
  }
  return String(value);
}

function describe(change) {
  return Object.entries(change).map(([ key, value ]) => `${labelOf(key)}：${display(value)}`).join('，');
}
