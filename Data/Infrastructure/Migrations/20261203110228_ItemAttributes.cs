using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DMarketAspire.Data.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ItemAttributes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attributes_category",
                table: "opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "attributes_craftable",
                table: "opportunities",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes_exterior",
                table: "opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "attributes_float_value",
                table: "opportunities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes_hero",
                table: "opportunities",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes_killstreak",
                table: "opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attributes_paint_seed",
                table: "opportunities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes_phase",
                table: "opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes_quality",
                table: "opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes_rarity",
                table: "opportunities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "attributes_souvenir",
                table: "opportunities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "attributes_stat_trak",
                table: "opportunities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "attributes_stickers",
                table: "opportunities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attributes_trade_lock_days",
                table: "opportunities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "item_filter",
                table: "bot_users",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attributes_category",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_craftable",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_exterior",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_float_value",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_hero",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_killstreak",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_paint_seed",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_phase",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_quality",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_rarity",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_souvenir",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_stat_trak",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_stickers",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "attributes_trade_lock_days",
                table: "opportunities");

            migrationBuilder.DropColumn(
                name: "item_filter",
                table: "bot_users");
        }
    }
}
