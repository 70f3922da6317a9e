using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DMarketAspire.Data.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AutopilotReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "report_hour",
                table: "autopilots",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reported_on",
                table: "autopilots",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "report_hour",
                table: "autopilots");

            migrationBuilder.DropColumn(
                name: "reported_on",
                table: "autopilots");
        }
    }
}
