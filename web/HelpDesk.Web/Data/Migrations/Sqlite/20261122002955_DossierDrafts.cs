using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<string>(type: "TEXT", nullable: false),
                    ResidentLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentStep = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierDrafts_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DossierDrafts_ServicePoints_PointId",
                        column: x => x.PointId,
                        principalTable: "ServicePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DossierDrafts_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierDrafts_PointId",
                table: "DossierDrafts",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierDrafts_VisitId",
                table: "DossierDrafts",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierDrafts_VolunteerId",
                table: "DossierDrafts",
                column: "VolunteerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierDrafts");
        }
    }
}
