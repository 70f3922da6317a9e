using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DMarketAspire.Data.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Autopilot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "decision_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "autopilot_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    opportunity_id = table.Column<long>(type: "bigint", nullable: true),
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    offer_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    price_cents = table.Column<long>(type: "bigint", nullable: false),
                    resale_cents = table.Column<long>(type: "bigint", nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    claimed = table.Column<bool>(type: "boolean", nullable: false),
                    buy_id = table.Column<long>(type: "bigint", nullable: true),
                    paper_position_id = table.Column<long>(type: "bigint", nullable: true),
                    list_tried_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_autopilot_decisions", x => x.id);
                    table.ForeignKey(
                        name: "FK_autopilot_decisions_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_autopilot_decisions_buys_buy_id",
                        column: x => x.buy_id,
                        principalTable: "buys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_autopilot_decisions_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "autopilots",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    games = table.Column<string[]>(type: "text[]", nullable: false),
                    levels = table.Column<string[]>(type: "text[]", nullable: false),
                    skip_words = table.Column<string[]>(type: "text[]", nullable: false),
                    min_profit_percent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    min_profit_cents = table.Column<long>(type: "bigint", nullable: false),
                    min_liquidity = table.Column<int>(type: "integer", nullable: false),
                    max_price_cents = table.Column<long>(type: "bigint", nullable: false),
                    daily_spend_cents = table.Column<long>(type: "bigint", nullable: false),
                    max_open_positions = table.Column<int>(type: "integer", nullable: false),
                    max_balance_share_percent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    reserve_cents = table.Column<long>(type: "bigint", nullable: false),
                    pause_after_failures = table.Column<int>(type: "integer", nullable: false),
                    pause_after_daily_loss_cents = table.Column<long>(type: "bigint", nullable: false),
                    sanity_multiple = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    after_buy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    paper_balance_cents = table.Column<long>(type: "bigint", nullable: false),
                    paused_reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    live_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_autopilots", x => x.user_id);
                    table.ForeignKey(
                        name: "FK_autopilots_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_positions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    decision_id = table.Column<long>(type: "bigint", nullable: false),
                    offer_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    game_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    cost_cents = table.Column<long>(type: "bigint", nullable: false),
                    bought_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    list_price_cents = table.Column<long>(type: "bigint", nullable: true),
                    listed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sold_price_cents = table.Column<long>(type: "bigint", nullable: true),
                    fee_cents = table.Column<long>(type: "bigint", nullable: true),
                    profit_cents = table.Column<long>(type: "bigint", nullable: true),
                    sold_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_positions", x => x.id);
                    table.ForeignKey(
                        name: "FK_paper_positions_autopilot_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "autopilot_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_paper_positions_bot_users_user_id",
                        column: x => x.user_id,
                        principalTable: "bot_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_decision_id",
                table: "notifications",
                column: "decision_id",
                unique: true,
                filter: "decision_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_autopilot_decisions_buy_id",
                table: "autopilot_decisions",
                column: "buy_id");

            migrationBuilder.CreateIndex(
                name: "IX_autopilot_decisions_one_claim",
                table: "autopilot_decisions",
                column: "offer_id",
                unique: true,
                filter: "claimed");

            migrationBuilder.CreateIndex(
                name: "IX_autopilot_decisions_opportunity_id",
                table: "autopilot_decisions",
                column: "opportunity_id");

            migrationBuilder.CreateIndex(
                name: "IX_autopilot_decisions_outcome_id",
                table: "autopilot_decisions",
                columns: new[] { "outcome", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_autopilot_decisions_user_id_created_at",
                table: "autopilot_decisions",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_autopilot_decisions_user_id_opportunity_id",
                table: "autopilot_decisions",
                columns: new[] { "user_id", "opportunity_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_autopilots_enabled",
                table: "autopilots",
                column: "enabled");

            migrationBuilder.CreateIndex(
                name: "IX_paper_positions_decision_id",
                table: "paper_positions",
                column: "decision_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_paper_positions_user_id_sold_at_bought_at",
                table: "paper_positions",
                columns: new[] { "user_id", "sold_at", "bought_at" });

            migrationBuilder.AddForeignKey(
                name: "FK_notifications_autopilot_decisions_decision_id",
                table: "notifications",
                column: "decision_id",
                principalTable: "autopilot_decisions",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_notifications_autopilot_decisions_decision_id",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "autopilots");

            migrationBuilder.DropTable(
                name: "paper_positions");

            migrationBuilder.DropTable(
                name: "autopilot_decisions");

            migrationBuilder.DropIndex(
                name: "IX_notifications_decision_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "decision_id",
                table: "notifications");
        }
    }
}
