using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Customs.Migrations
{
    /// <summary>
    /// Tariff lines, regimes and customs FX rates that resume a published version after one with an end date name it,
    /// so a new version has to start after the published versions only. Rows resumed before this are not told apart
    /// (the dates and values alone cannot tell them from a published version) and keep counting as published.
    /// </summary>
    public partial class ResumedVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "resumes_id",
                table: "tariff_lines",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "resumes_id",
                table: "low_value_regimes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "resumes_id",
                table: "customs_fx_rates",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "resumes_id",
                table: "tariff_lines");

            migrationBuilder.DropColumn(
                name: "resumes_id",
                table: "low_value_regimes");

            migrationBuilder.DropColumn(
                name: "resumes_id",
                table: "customs_fx_rates");
        }
    }
}
