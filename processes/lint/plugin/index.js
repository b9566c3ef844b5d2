// The product's own modelling rules, on top of bpmnlint's recommended ones.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'meaningful-ids': 'error',
        'user-task-candidate-groups': 'error',
        'user-task-form': 'error',
        'history-time-to-live': 'error'
      }
    }
  }
};
