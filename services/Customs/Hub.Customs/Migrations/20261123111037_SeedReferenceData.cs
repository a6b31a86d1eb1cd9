using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Customs.Migrations
{
    /// <summary>
    /// Demo reference data for the hubs KR, CN and MY: customs authorities, tariff lines, low-value regimes, Korea–China
    /// FTA rates, weekly customs FX rates and a small fictional denied-party list. Rates are illustrative; operators
    /// maintain the real ones through the API (every change is a new dated version).
    /// </summary>
    public partial class SeedReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO customs_authorities (hub, currency, valuation_basis, rounding) VALUES
                  ('KR', 'KRW', 'Cif', 'HalfUp'),
                  ('CN', 'CNY', 'Cif', 'HalfUp'),
                  ('MY', 'MYR', 'Cif', 'HalfUp');

                INSERT INTO tariff_lines (id, hub, prefix, description, duty_kind, duty_rate, specific_amount, specific_unit, vat_rate, consumption_tax_rate, valid_from, valid_to, version) VALUES
                  (gen_random_uuid(), 'KR', '85',     'Electrical machinery (chapter default)',     'AdValorem', 0.08,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '8471',   'Computers (ITA)',                            'AdValorem', 0,     NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '8517',   'Telephone sets (ITA)',                       'AdValorem', 0,     NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '8516',   'Electro-thermic appliances',                 'AdValorem', 0.08,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '3304',   'Beauty and make-up preparations',            'AdValorem', 0.065, NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '61',     'Knitted apparel',                            'AdValorem', 0.13,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '62',     'Woven apparel',                              'AdValorem', 0.13,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '9503',   'Toys',                                       'AdValorem', 0.08,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', '0901',   'Coffee',                                     'AdValorem', 0.02,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '85',     'Electrical machinery (chapter default)',     'AdValorem', 0.10,  NULL, NULL, 0.13, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '8471',   'Computers (ITA)',                            'AdValorem', 0,     NULL, NULL, 0.13, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '8516',   'Electro-thermic appliances',                 'AdValorem', 0.10,  NULL, NULL, 0.13, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '3304',   'Beauty and make-up preparations (high-end)', 'AdValorem', 0.01,  NULL, NULL, 0.13, 0.15, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '61',     'Knitted apparel',                            'AdValorem', 0.06,  NULL, NULL, 0.13, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '0901',   'Coffee',                                     'AdValorem', 0.08,  NULL, NULL, 0.09, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '9503',   'Toys',                                       'AdValorem', 0,     NULL, NULL, 0.13, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', '020714', 'Frozen chicken cuts',                        'Specific',  0,     1.30, 'KGM', 0.09, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'MY', '85',     'Electrical machinery (chapter default)',     'AdValorem', 0.05,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'MY', '8471',   'Computers (ITA)',                            'AdValorem', 0,     NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'MY', '3304',   'Beauty and make-up preparations',            'AdValorem', 0,     NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'MY', '61',     'Knitted apparel',                            'AdValorem', 0.20,  NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1),
                  (gen_random_uuid(), 'MY', '9503',   'Toys',                                       'AdValorem', 0,     NULL, NULL, 0.10, 0, '2026-01-01', NULL, 1);

                INSERT INTO low_value_regimes (id, hub, code, name, kind, channel, origin, excluded_chapters, currency, value_basis, transaction_limit, annual_limit, aggregate_same_day, duty_factor, tax_factor, valid_from, valid_to, version) VALUES
                  (gen_random_uuid(), 'KR', 'KR-GENERAL-150', 'KR de minimis, general clearance (USD 150)', 'DeMinimis', 'ECommerce', NULL, '', 'USD', 'Intrinsic', 150, NULL, TRUE, 0, 0, '2016-01-01', NULL, 1),
                  (gen_random_uuid(), 'KR', 'KR-LIST-US-200', 'KR de minimis, US-origin list clearance (USD 200)', 'DeMinimis', 'ECommerce', 'US', '01-31,33', 'USD', 'Intrinsic', 200, NULL, TRUE, 0, 0, '2016-01-01', NULL, 1),
                  (gen_random_uuid(), 'CN', 'CN-CBEC', 'CN cross-border e-commerce retail import', 'CrossBorderRetail', 'ECommerce', NULL, '', 'CNY', 'CustomsValue', 5000, 26000, FALSE, 0, 0.7, '2019-01-01', NULL, 1);

                INSERT INTO preferential_rates (id, hub, agreement, partner_country, prefix, year, rate, version) VALUES
                  (gen_random_uuid(), 'KR', 'KCFTA', 'CN', '8516', 2025, 0.024, 1),
                  (gen_random_uuid(), 'KR', 'KCFTA', 'CN', '8516', 2026, 0.016, 1),
                  (gen_random_uuid(), 'KR', 'KCFTA', 'CN', '61',   2026, 0.052, 1),
                  (gen_random_uuid(), 'CN', 'KCFTA', 'KR', '8516', 2025, 0.05, 1),
                  (gen_random_uuid(), 'CN', 'KCFTA', 'KR', '8516', 2026, 0.04, 1),
                  (gen_random_uuid(), 'CN', 'KCFTA', 'KR', '3304', 2026, 0, 1);

                INSERT INTO customs_fx_rates (id, hub, currency, rate, valid_from, valid_to, version) VALUES
                  (gen_random_uuid(), 'KR', 'USD', 1340,   '2026-11-15', '2026-11-22', 1),
                  (gen_random_uuid(), 'KR', 'USD', 1350,   '2026-11-22', NULL, 2),
                  (gen_random_uuid(), 'KR', 'CNY', 190,    '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'KR', 'MYR', 305,    '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'CN', 'USD', 7.10,   '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'CN', 'KRW', 0.0052, '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'CN', 'MYR', 1.55,   '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'MY', 'USD', 4.40,   '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'MY', 'KRW', 0.0031, '2026-11-22', NULL, 1),
                  (gen_random_uuid(), 'MY', 'CNY', 0.61,   '2026-11-22', NULL, 1);

                INSERT INTO screening_lists (hub, version, threshold, updated_at) VALUES
                  ('KR', 1, 0.88, '2026-11-23T00:00:00Z'),
                  ('CN', 1, 0.88, '2026-11-23T00:00:00Z'),
                  ('MY', 1, 0.88, '2026-11-23T00:00:00Z');

                INSERT INTO denied_parties (id, name, aliases, country, source, listed_in_version) VALUES
                  (gen_random_uuid(), 'Hanbit Precision Trading Co., Ltd.', '주식회사 한빛정밀무역|한빛정밀무역', 'KR', 'Hub demo list (fictional)', 1),
                  (gen_random_uuid(), '深圳黑石电子有限公司', 'Shenzhen Heishi Electronics Co., Ltd.', 'CN', 'Hub demo list (fictional)', 1),
                  (gen_random_uuid(), 'Northwind Dual-Use Exports Ltd.', 'Northwind Dual Use Export', 'GB', 'Hub demo list (fictional)', 1),
                  (gen_random_uuid(), 'Orion Star Shipping Sdn. Bhd.', '', 'MY', 'Hub demo list (fictional)', 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM denied_parties; DELETE FROM screening_lists; DELETE FROM customs_fx_rates;
                DELETE FROM preferential_rates; DELETE FROM low_value_regimes; DELETE FROM tariff_lines; DELETE FROM customs_authorities;
                """);
        }
    }
}
