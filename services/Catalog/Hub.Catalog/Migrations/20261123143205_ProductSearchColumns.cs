using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Hub.Catalog.Migrations
{
    /// <inheritdoc />
    public partial class ProductSearchColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_product_texts_search_trgm",
                table: "product_texts");

            migrationBuilder.DropIndex(
                name: "ix_product_texts_search_vector",
                table: "product_texts");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "product_texts");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "product_texts");

            migrationBuilder.CreateIndex(
                name: "ix_products_status_currency_price",
                table: "products",
                columns: new[] { "status", "currency", "list_unit_price", "number" });

            // A product's searchable words and text, all languages together, on the product row: a search then reads the
            // match, the filters and the sort keys from one row instead of joining a row per language. The texts are the
            // source; statement triggers keep the copy, so one statement's texts cost one update of their products.
            migrationBuilder.Sql("""
                ALTER TABLE products
                    ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector,
                    ADD COLUMN search_text text NOT NULL DEFAULT '';

                CREATE FUNCTION refresh_product_search(ids text[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE products p
                    SET search_vector = to_tsvector('simple'::regconfig, coalesce(x.words, '')), search_text = coalesce(x.text, '')
                    FROM (SELECT i.id,
                                 string_agg(t.title || ' ' || t.description || ' ' || t.search_keys, ' ' ORDER BY t.id) AS words,
                                 string_agg(t.title || ' ' || t.description, ' ' ORDER BY t.id) AS text
                          FROM unnest(ids) AS i(id) LEFT JOIN product_texts t ON t.product_id = i.id
                          GROUP BY i.id) x
                    WHERE p.id = x.id
                $$;

                CREATE FUNCTION product_texts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM refresh_product_search(ARRAY(SELECT DISTINCT product_id FROM new_texts));
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM refresh_product_search(ARRAY(SELECT DISTINCT product_id FROM old_texts));
                    ELSE
                        PERFORM refresh_product_search(ARRAY(SELECT product_id FROM new_texts UNION SELECT product_id FROM old_texts));
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER product_texts_inserted AFTER INSERT ON product_texts
                    REFERENCING NEW TABLE AS new_texts FOR EACH STATEMENT EXECUTE FUNCTION product_texts_changed();
                CREATE TRIGGER product_texts_updated AFTER UPDATE ON product_texts
                    REFERENCING OLD TABLE AS old_texts NEW TABLE AS new_texts FOR EACH STATEMENT EXECUTE FUNCTION product_texts_changed();
                CREATE TRIGGER product_texts_deleted AFTER DELETE ON product_texts
                    REFERENCING OLD TABLE AS old_texts FOR EACH STATEMENT EXECUTE FUNCTION product_texts_changed();

                SELECT refresh_product_search(ARRAY(SELECT id FROM products));

                CREATE INDEX ix_products_search_vector ON products USING gin (search_vector);
                CREATE INDEX ix_products_search_trgm ON products USING gin (search_text gin_trgm_ops);

                -- Rare search words (a model number, a brand) must be estimated as rare.
                ALTER TABLE products ALTER COLUMN search_vector SET STATISTICS 1000;

                -- A search page is a short LIMIT query: starting parallel workers for it costs more than they save, and
                -- on a busy host waiting for them dominated its latency.
                ALTER TABLE products SET (parallel_workers = 0);
                ALTER TABLE product_texts SET (parallel_workers = 0);
                ALTER TABLE product_stock SET (parallel_workers = 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER product_texts_inserted ON product_texts;
                DROP TRIGGER product_texts_updated ON product_texts;
                DROP TRIGGER product_texts_deleted ON product_texts;
                DROP FUNCTION product_texts_changed();
                DROP FUNCTION refresh_product_search(text[]);
                ALTER TABLE products DROP COLUMN search_vector, DROP COLUMN search_text, RESET (parallel_workers);
                ALTER TABLE product_texts RESET (parallel_workers);
                ALTER TABLE product_stock RESET (parallel_workers);
                """);

            migrationBuilder.DropIndex(
                name: "ix_products_status_currency_price",
                table: "products");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "product_texts",
                type: "text",
                nullable: true,
                computedColumnSql: "title || ' ' || description",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "product_texts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, title || ' ' || description || ' ' || search_keys)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_product_texts_search_trgm",
                table: "product_texts",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_product_texts_search_vector",
                table: "product_texts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
