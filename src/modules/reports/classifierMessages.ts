/** Server messages of category suggestion and hot spots (merged into the reports module's messages). */
export const classifierMessages = {
  zh: {
    'what.classifierModel': '问题类别建议模型',
    'field.classifierNoData': '没有已办结且已标注问题类别的信访举报件，无法训练模型',
    'field.classifierTooFewCategories': '已办结的 {total} 件已分类信访举报件中，只有 {found} 个问题类别达到 {min} 件（{counts}），至少需要 {need} 个类别才能训练',
    'field.classifierJobRunning': '已有训练任务正在进行，请等待其完成',
  },
  en: {
    'what.classifierModel': 'Category suggestion model',
    'field.classifierNoData': 'No closed report has a category yet: there is nothing to train on',
    'field.classifierTooFewCategories': 'Of {total} closed categorised reports, only {found} categories have at least {min} examples ({counts}); training needs {need}',
    'field.classifierJobRunning': 'A training job is already running; wait for it to finish',
  },
  fieldLabelsZh: { trainingData: '训练数据', period: '统计期间' },
  fieldLabelsEn: { trainingData: 'Training data', period: 'Period' },
};
