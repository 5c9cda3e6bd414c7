/** Yuan with two decimals, as ledgers show amounts. */
export const money = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
