using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VisitResident : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ResidentId",
                table: "Visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ResidentId",
                table: "Visits",
                column: "ResidentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Visits_Residents_ResidentId",
                table: "Visits",
                column: "ResidentId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Visits_Residents_ResidentId",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Visits_ResidentId",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "ResidentId",
                table: "Visits");
        }
    }
}
