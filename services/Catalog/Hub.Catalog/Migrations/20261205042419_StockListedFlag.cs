using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Catalog.Migrations
{
    /// <summary>
    /// <c>product_stock.listed</c>: whether the product is listed, on its stock row, so that a reservation group that
    /// fits checks the listing on the rows it locks anyway instead of reading each product's wide row (a random page of
    /// a large catalog). The product's status is the source; triggers keep the copy (outside the EF model, like the
    /// search columns): a stock row takes its product's status when it is inserted, and a change of a product's status
    /// updates its stock row in the same transaction.
    /// </summary>
    public partial class StockListedFlag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE product_stock ADD COLUMN listed boolean NOT NULL DEFAULT false;

                UPDATE product_stock s SET listed = true FROM products p WHERE p.id = s.product_id AND p.status = 'Listed';

                CREATE FUNCTION product_stock_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.listed := EXISTS (SELECT FROM products p WHERE p.id = NEW.product_id AND p.status = 'Listed');
                    RETURN NEW;
                END
                $$;

                CREATE FUNCTION product_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE product_stock SET listed = (NEW.status = 'Listed') WHERE product_id = NEW.id;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER product_stock_listed BEFORE INSERT ON product_stock
                    FOR EACH ROW EXECUTE FUNCTION product_stock_inserted();
                CREATE TRIGGER products_status_changed AFTER UPDATE OF status ON products
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION product_status_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER products_status_changed ON products;
                DROP TRIGGER product_stock_listed ON product_stock;
                DROP FUNCTION product_status_changed();
                DROP FUNCTION product_stock_inserted();
                ALTER TABLE product_stock DROP COLUMN listed;
                """);
        }
    }
}
