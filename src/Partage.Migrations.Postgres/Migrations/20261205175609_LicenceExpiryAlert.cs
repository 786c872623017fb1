using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LicenceExpiryAlert : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "expiry_alert_sent_on",
                table: "performance_licences",
                type: "date",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "performance_licences",
                keyColumn: "id",
                keyValue: new Guid("0193a000-0000-7000-8000-000000000102"),
                column: "expiry_alert_sent_on",
                value: null);

            migrationBuilder.UpdateData(
                table: "performance_licences",
                keyColumn: "id",
                keyValue: new Guid("0193a000-0000-7000-8000-000000000103"),
                column: "expiry_alert_sent_on",
                value: null);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "expiry_alert_sent_on",
                table: "performance_licences");
        }
    }
}
