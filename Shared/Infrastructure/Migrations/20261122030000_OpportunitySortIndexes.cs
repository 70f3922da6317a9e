using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DMarketAspire.Infrastructure.Migrations;

[DbContext(typeof(DMarketDbContext))]
[Migration(Id)]
public sealed class OpportunitySortIndexes : Migration
{
    public const string Id = "20261122030000_OpportunitySortIndexes";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(MigrationScripts.Read(Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(
        """DROP INDEX "IX_opportunities_status_profit_cents_id", "IX_opportunities_status_profit_percent_id", "IX_opportunities_status_liquidity_id";""");
}
