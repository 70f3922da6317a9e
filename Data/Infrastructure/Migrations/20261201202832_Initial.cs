using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DMarketAspire.Data.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fees",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    fraction = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    min_price_cents = table.Column<long>(type: "bigint", nullable: false),
                    max_price_cents = table.Column<long>(type: "bigint", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    replica = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    offers_priced = table.Column<int>(type: "integer", nullable: false),
                    opportunities_found = table.Column<int>(type: "integer", nullable: false),
                    opportunities_updated = table.Column<int>(type: "integer", nullable: false),
                    opportunities_gone = table.Column<int>(type: "integer", nullable: false),
                    requests = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    error = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    offer_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    buy_price_cents = table.Column<long>(type: "bigint", nullable: false),
                    resale_cents = table.Column<long>(type: "bigint", nullable: false),
                    fee_fraction = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    profit_cents = table.Column<long>(type: "bigint", nullable: false),
                    profit_percent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    liquidity = table.Column<int>(type: "integer", nullable: false),
                    best_buy_order_cents = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gone_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    last_scan_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunities", x => x.id);
                    table.ForeignKey(
                        name: "FK_opportunities_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "price_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    best_offer_cents = table.Column<long>(type: "bigint", nullable: true),
                    offer_count = table.Column<long>(type: "bigint", nullable: false),
                    best_buy_order_cents = table.Column<long>(type: "bigint", nullable: true),
                    buy_order_count = table.Column<long>(type: "bigint", nullable: false),
                    median_sale_cents = table.Column<long>(type: "bigint", nullable: true),
                    captured_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_price_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "FK_price_snapshots_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    price_cents = table.Column<long>(type: "bigint", nullable: false),
                    sold_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    operation_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales", x => x.id);
                    table.ForeignKey(
                        name: "FK_sales_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    opportunity_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opportunity_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_opportunity_events_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fees_game_id_title",
                table: "fees",
                columns: new[] { "game_id", "title" });

            migrationBuilder.CreateIndex(
                name: "IX_items_game_id_title",
                table: "items",
                columns: new[] { "game_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_game_id_level_status_last_scan_id",
                table: "opportunities",
                columns: new[] { "game_id", "level", "status", "last_scan_id" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_item_id",
                table: "opportunities",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_offer_id",
                table: "opportunities",
                column: "offer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_status_first_seen_at",
                table: "opportunities",
                columns: new[] { "status", "first_seen_at" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_status_game_id_level_profit_percent",
                table: "opportunities",
                columns: new[] { "status", "game_id", "level", "profit_percent" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_status_liquidity_id",
                table: "opportunities",
                columns: new[] { "status", "liquidity", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_status_profit_cents_id",
                table: "opportunities",
                columns: new[] { "status", "profit_cents", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunities_status_profit_percent_id",
                table: "opportunities",
                columns: new[] { "status", "profit_percent", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_opportunity_events_opportunity_id",
                table: "opportunity_events",
                column: "opportunity_id");

            migrationBuilder.CreateIndex(
                name: "IX_price_snapshots_item_id_captured_at",
                table: "price_snapshots",
                columns: new[] { "item_id", "captured_at" });

            migrationBuilder.CreateIndex(
                name: "IX_sales_item_id_sold_at_price_cents_operation_type",
                table: "sales",
                columns: new[] { "item_id", "sold_at", "price_cents", "operation_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scans_started_at",
                table: "scans",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fees");

            migrationBuilder.DropTable(
                name: "opportunity_events");

            migrationBuilder.DropTable(
                name: "price_snapshots");

            migrationBuilder.DropTable(
                name: "sales");

            migrationBuilder.DropTable(
                name: "scans");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "items");
        }
    }
}
