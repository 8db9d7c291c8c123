// 案卷评查 and 执法监督 tables (owned by the review area).
export {};
