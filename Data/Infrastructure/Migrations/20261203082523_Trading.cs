using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DMarketAspire.Data.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Trading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "buy_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "trade_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "buys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    opportunity_id = table.Column<long>(type: "bigint", nullable: true),
                    offer_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    price_cents = table.Column<long>(type: "bigint", nullable: false),
                    resale_cents = table.Column<long>(type: "bigint", nullable: true),
                    expected_profit_cents = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    request_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    order_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    tx_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    fail_reason = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checks = table.Column<int>(type: "integer", nullable: false),
                    message_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_buys", x => x.id);
                    table.ForeignKey(
                        name: "FK_buys_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_buys_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    asset_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    cost_cents = table.Column<long>(type: "bigint", nullable: true),
                    cost_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    buy_id = table.Column<long>(type: "bigint", nullable: true),
                    acquired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trade_lock_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    suggested_price_cents = table.Column<long>(type: "bigint", nullable: true),
                    offer_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    list_price_cents = table.Column<long>(type: "bigint", nullable: true),
                    listed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    repricing = table.Column<bool>(type: "boolean", nullable: false),
                    floor_cents = table.Column<long>(type: "bigint", nullable: true),
                    max_reprices_per_day = table.Column<int>(type: "integer", nullable: false),
                    reprices_today = table.Column<int>(type: "integer", nullable: false),
                    reprice_day = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_positions", x => x.id);
                    table.ForeignKey(
                        name: "FK_positions_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_positions_buys_buy_id",
                        column: x => x.buy_id,
                        principalTable: "buys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "trades",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    offer_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    asset_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    position_id = table.Column<long>(type: "bigint", nullable: true),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    price_cents = table.Column<long>(type: "bigint", nullable: false),
                    fee_cents = table.Column<long>(type: "bigint", nullable: false),
                    cost_cents = table.Column<long>(type: "bigint", nullable: true),
                    profit_cents = table.Column<long>(type: "bigint", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trades", x => x.id);
                    table.ForeignKey(
                        name: "FK_trades_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_trades_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_buy_id",
                table: "notifications",
                column: "buy_id",
                unique: true,
                filter: "buy_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_trade_id",
                table: "notifications",
                column: "trade_id",
                unique: true,
                filter: "trade_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_buys_one_in_flight",
                table: "buys",
                columns: new[] { "user_id", "offer_id" },
                unique: true,
                filter: "status IN ('Sending', 'Unknown')");

            migrationBuilder.CreateIndex(
                name: "IX_buys_opportunity_id",
                table: "buys",
                column: "opportunity_id");

            migrationBuilder.CreateIndex(
                name: "IX_buys_status_next_check_at",
                table: "buys",
                columns: new[] { "status", "next_check_at" });

            migrationBuilder.CreateIndex(
                name: "IX_buys_user_id_created_at",
                table: "buys",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_buys_user_id_request_key",
                table: "buys",
                columns: new[] { "user_id", "request_key" },
                unique: true,
                filter: "request_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_positions_buy_id",
                table: "positions",
                column: "buy_id");

            migrationBuilder.CreateIndex(
                name: "IX_positions_repricing_offer_id",
                table: "positions",
                columns: new[] { "repricing", "offer_id" });

            migrationBuilder.CreateIndex(
                name: "IX_positions_user_id_asset_id",
                table: "positions",
                columns: new[] { "user_id", "asset_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_positions_user_id_gone_at_acquired_at",
                table: "positions",
                columns: new[] { "user_id", "gone_at", "acquired_at" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_position_id",
                table: "trades",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "IX_trades_user_id_closed_at",
                table: "trades",
                columns: new[] { "user_id", "closed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_trades_user_id_offer_id",
                table: "trades",
                columns: new[] { "user_id", "offer_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_buys_buy_id",
                table: "notifications",
                column: "buy_id",
                principalTable: "buys",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_trades_trade_id",
                table: "notifications",
                column: "trade_id",
                principalTable: "trades",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_notifications_buys_buy_id",
                table: "notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_notifications_trades_trade_id",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "trades");

            migrationBuilder.DropTable(
                name: "positions");

            migrationBuilder.DropTable(
                name: "buys");

            migrationBuilder.DropIndex(
                name: "IX_notifications_buy_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_trade_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "buy_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "trade_id",
                table: "notifications");
        }
    }
}
