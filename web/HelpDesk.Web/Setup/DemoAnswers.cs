using System.Globalization;
using HelpDesk.Domain.People;

namespace HelpDesk.Web.Setup;

/// <summary>
/// What a volunteer would type on the demo's forms, by the forms' keys, for one resident: a grandchild's birth
/// registration filed by the grandparent, a marital-status certificate for an inheritance, a copy of a civil-status
/// record. Checked screen by screen by <see cref="Domain.Procedures.FormValidation"/> when seeded.
/// </summary>
internal static class DemoAnswers
{
    private static readonly string[] Grandchildren = ["Trương Gia Hân", "Lâm Tuệ Nghi", "Lý Bảo Ngọc"];
    private static readonly (string Name, DateOnly Born, string Id)[] Mothers =
    [
        ("Trương Mỹ Dung", new DateOnly(1992, 4, 18), "079192005126"),
        ("Hồ Thị Thu Hà", new DateOnly(1994, 10, 3), "079194003348"),
        ("Hứa Thanh Vy", new DateOnly(1996, 6, 21), "079196008817"),
    ];

    public static Dictionary<string, string> For(string procedureCode, ResidentDetails resident, string street, string wardName, int index, DateOnly today)
    {
        var filer = new Dictionary<string, string>
        {
            ["filerFullName"] = resident.FullName,
            ["filerPersonalId"] = resident.PersonalIdNumber!,
            ["filerPhone"] = resident.Phone!,
        };
        var answers = procedureCode switch
        {
            "1.001193" => BirthRegistration(index % Grandchildren.Length, street, wardName, today),
            "1.004873" => MaritalStatus(resident, street, wardName),
            _ => CivilStatusExtract(resident, index),
        };
        foreach (var (key, value) in filer) answers.TryAdd(key, value);
        return answers;
    }

    private static Dictionary<string, string> BirthRegistration(int family, string street, string wardName, DateOnly today)
    {
        var mother = Mothers[family];
        return new()
        {
            ["childFullName"] = Grandchildren[family],
            ["childDateOfBirth"] = Date(today.AddDays(-45 - 7 * family)),
            ["childSex"] = "female",
            ["childPlaceOfBirth"] = "Bệnh viện Hùng Vương",
            ["childNationality"] = "Việt Nam",
            ["childHometown"] = "Quảng Đông",
            ["mother[0].motherFullName"] = mother.Name,
            ["mother[0].motherDateOfBirth"] = Date(mother.Born),
            ["mother[0].motherPersonalId"] = mother.Id,
            ["mother[0].motherResidence.street"] = street,
            ["mother[0].motherResidence.ward"] = wardName,
            ["mother[0].motherResidence.province"] = "Thành phố Hồ Chí Minh",
            ["filerRelationship"] = "grandparent",
        };
    }

    private static Dictionary<string, string> MaritalStatus(ResidentDetails resident, string street, string wardName) => new()
    {
        ["personFullName"] = resident.FullName,
        ["personDateOfBirth"] = Date(resident.DateOfBirth),
        ["personSex"] = resident.Sex == Sex.Female ? "female" : "male",
        ["personPersonalId"] = resident.PersonalIdNumber!,
        ["personNationality"] = "Việt Nam",
        ["personResidence.street"] = street,
        ["personResidence.ward"] = wardName,
        ["personResidence.province"] = "Thành phố Hồ Chí Minh",
        ["maritalStatus"] = "widowed",
        ["purpose"] = "otherPurpose",
        ["purposeDetail"] = "Bổ sung hồ sơ khai nhận di sản thừa kế nhà ở",
        ["filerIsPerson"] = "yes",
    };

    private static Dictionary<string, string> CivilStatusExtract(ResidentDetails resident, int index) => new()
    {
        ["eventType"] = index % 2 == 0 ? "birth" : "marriage",
        ["subjectFullName"] = resident.FullName,
        ["subjectDateOfBirth"] = Date(resident.DateOfBirth),
        ["subjectPersonalId"] = resident.PersonalIdNumber!,
        ["registrationOffice"] = "Ủy ban nhân dân Quận 5 (cũ)",
        ["copies"] = "2",
        ["filerRelationship"] = "self",
    };

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
