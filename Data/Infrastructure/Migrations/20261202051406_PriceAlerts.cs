using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DMarketAspire.Data.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PriceAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "opportunity_id",
                table: "notifications",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<int>(
                name: "alert_crossing",
                table: "notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "alert_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "notifications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Opportunity");

            migrationBuilder.AddColumn<long>(
                name: "price_cents",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "item_prices",
                columns: table => new
                {
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    best_offer_cents = table.Column<long>(type: "bigint", nullable: true),
                    offer_count = table.Column<long>(type: "bigint", nullable: false),
                    best_buy_order_cents = table.Column<long>(type: "bigint", nullable: true),
                    buy_order_count = table.Column<long>(type: "bigint", nullable: false),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_prices", x => x.item_id);
                    table.ForeignKey(
                        name: "FK_item_prices_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "price_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    threshold_cents = table.Column<long>(type: "bigint", nullable: false),
                    armed = table.Column<bool>(type: "boolean", nullable: false),
                    crossings = table.Column<int>(type: "integer", nullable: false),
                    last_price_cents = table.Column<long>(type: "bigint", nullable: true),
                    observed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_price_alerts", x => x.id);
                    table.ForeignKey(
                        name: "FK_price_alerts_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_price_alerts_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_alert_id_alert_crossing",
                table: "notifications",
                columns: new[] { "alert_id", "alert_crossing" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_price_alerts_item_id",
                table: "price_alerts",
                column: "item_id");

            migrationBuilder.CreateIndex(
                name: "IX_price_alerts_user_id_item_id_direction_threshold_cents",
                table: "price_alerts",
                columns: new[] { "user_id", "item_id", "direction", "threshold_cents" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_price_alerts_alert_id",
                table: "notifications",
                column: "alert_id",
                principalTable: "price_alerts",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_notifications_price_alerts_alert_id",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "item_prices");

            migrationBuilder.DropTable(
                name: "price_alerts");

            migrationBuilder.DropIndex(
                name: "IX_notifications_alert_id_alert_crossing",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "alert_crossing",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "alert_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "price_cents",
                table: "notifications");

            migrationBuilder.AlterColumn<long>(
                name: "opportunity_id",
                table: "notifications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
