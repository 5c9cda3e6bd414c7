/** Names of the penalty-discretion hit codes and the rule each stands for, for the shared hits list (风险预警). */
export const penaltyDiscretionHitCodes: Record<string, { zh: string; en: string; rule: string }> = {
  PENALTY_FINE_OUT_OF_BAND: {
    zh: '罚款超出裁量基准幅度（畸轻畸重）', en: 'Fine outside the benchmark band (grossly light or heavy)',
    rule: '罚款金额不在该部门裁量基准中所申报阶次（减轻、从轻、一般、从重）的幅度内；倍数基准按违法所得换算。',
  },
  PENALTY_TIER_NO_REASON: {
    zh: '裁量阶次未说明理由', en: 'Discretion tier without a stated reason',
    rule: '适用不予处罚、减轻、从轻或从重阶次，但决定未载明裁量理由（国市监法规〔2022〕2号 第二十条）。',
  },
  PENALTY_PEER_AMOUNT_OUTLIER: {
    zh: '罚款与类案差异明显（类案不同罚）', en: 'Fine out of line with similar cases',
    rule: '同一部门、同一裁量事项、同一阶次至少5件类案中，本案罚款超出类案四分位围栏（Q1−1.5×IQR，Q3+1.5×IQR）。',
  },
  PENALTY_PEER_KIND_DIFFERS: {
    zh: '处罚种类与类案不同（类案不同罚）', en: 'Penalty kinds differ from similar cases',
    rule: '同一部门、同一裁量事项、同一阶次至少5件类案中，本案处罚种类组合与类案最常见的组合不同。',
  },
  PENALTY_SERIOUS_NO_LEGAL_REVIEW: {
    zh: '重大执法决定未经法制审核', en: 'Serious decision without legal review',
    rule: '较大数额罚款、责令停产停业或吊销许可证，决定前无法制审核记录（《行政处罚法》第五十八条）。',
  },
  PENALTY_FINE_UNPAID: {
    zh: '罚款逾期未缴纳（处罚执行不到位）', en: 'Fine unpaid after the due date',
    rule: '罚款缴纳期限届满后超过县里设定的天数仍无缴纳或执行记录。',
  },
  PENALTY_FIRST_OFFENCE_INCONSISTENT: {
    zh: '首违不罚适用不一致', en: 'First-offence leniency applied inconsistently',
    rule: '同一部门同一裁量事项的首次违法，有的不予处罚，有的予以罚款（《行政处罚法》第三十三条第一款）。',
  },
  PENALTY_CLOSED_NO_REASON: {
    zh: '立案不处罚未说明理由（应罚未罚）', en: 'Case closed without penalty and without a reason',
    rule: '立案后未作出处罚即结案，且未载明不予处罚或撤销立案的理由。',
  },
};
