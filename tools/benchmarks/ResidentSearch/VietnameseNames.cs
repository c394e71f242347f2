namespace HelpDesk.Benchmarks.ResidentSearch;

/// <summary>
/// Name tables for realistic residents of a Ho Chi Minh City ward near Chợ Lớn. Family-name
/// weights follow the commonly cited shares for Vietnam (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %…),
/// plus Hoa (Chinese-Vietnamese) family names frequent in Chợ Lớn. Middle and given names are
/// listed roughly from most to least common; <see cref="Weighted{T}.ByRank"/> turns that order
/// into a skewed distribution, so a few names are very common and many are rare, as at a desk.
/// </summary>
public static class VietnameseNames
{
    /// <summary>Per cent of the population; Hoa family names are those in <see cref="HoaFamilyNames"/>.</summary>
    public static readonly Weighted<string> FamilyNames = new([
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Phan", 4.5), ("Hoàng", 2.6), ("Huỳnh", 2.5),
        ("Võ", 2.4), ("Vũ", 1.5), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
        ("Lý", 0.5), ("Đinh", 0.7), ("Trịnh", 0.5), ("Mai", 0.5), ("Đoàn", 0.5), ("Cao", 0.4), ("Lương", 0.4),
        ("Châu", 0.3), ("Tô", 0.3), ("Hà", 0.3), ("Kiều", 0.1),
        // Hoa family names common in Chợ Lớn.
        ("Lâm", 1.2), ("Trương", 1), ("Quách", 0.6), ("Lưu", 0.6), ("Hứa", 0.5), ("Tạ", 0.4), ("Mã", 0.3),
        ("Diệp", 0.3), ("Thái", 0.3), ("Tăng", 0.3), ("Mạch", 0.2), ("La", 0.2), ("Từ", 0.2),
    ]);

    /// <summary>Family names that in this ward are mostly Hoa.</summary>
    public static readonly IReadOnlySet<string> HoaFamilyNames = new HashSet<string>
    {
        "Lâm", "Trương", "Quách", "Lưu", "Hứa", "Tạ", "Mã", "Diệp", "Thái", "Tăng", "Mạch", "La", "Từ",
    };

    /// <summary>Family names shared by Kinh and Hoa families (a few of their bearers are Hoa).</summary>
    public static readonly IReadOnlySet<string> SharedFamilyNames = new HashSet<string>
    {
        "Trần", "Hoàng", "Huỳnh", "Lý", "Lương", "Châu", "Ngô", "Dương",
    };

    // Văn and Thị are chosen separately (more often for older people), so they are not listed here.
    public static readonly Weighted<string> MaleMiddleNames = Weighted<string>.ByRank([
        "Minh", "Đức", "Quốc", "Hoàng", "Thanh", "Hữu", "Gia", "Công", "Quang", "Xuân", "Tấn", "Trọng",
        "Anh", "Thế", "Đình", "Ngọc", "Bảo", "Nhật", "Trung", "Phúc",
    ]);

    public static readonly Weighted<string> FemaleMiddleNames = Weighted<string>.ByRank([
        "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bảo", "Phương", "Hồng", "Thùy", "Gia", "Minh", "Khánh",
        "Diễm", "Hoài", "Tuyết", "Bích", "Thảo", "Quỳnh", "Như", "Lan",
    ]);

    public static readonly Weighted<string> MaleGivenNames = Weighted<string>.ByRank([
        "Anh", "Minh", "Huy", "Bảo", "Khang", "Hùng", "Dũng", "Tuấn", "Nam", "Long", "Hải", "Sơn", "Hiếu",
        "Khoa", "Phúc", "Thành", "Cường", "Đức", "Quân", "Trung", "Tài", "Phát", "Vinh", "Kiệt", "Hưng",
        "Tùng", "Thắng", "Lộc", "Tâm", "Nghĩa", "Tú", "Đạt", "Hòa", "Quang", "Bình", "Toàn", "Thịnh",
        "Nhân", "Việt", "Khôi", "Tín", "Duy", "Hoàng", "Phong", "Thuận", "Trí", "Lâm", "Sang", "Tiến",
        "Hậu", "Lực", "Định", "Đông", "Hiển", "Khải", "Luân", "Mạnh", "Nguyên", "Quý", "Tân", "Thiện",
    ]);

    public static readonly Weighted<string> FemaleGivenNames = Weighted<string>.ByRank([
        "Linh", "Anh", "Hương", "Ngọc", "Trang", "Thảo", "Hà", "Lan", "Mai", "Hoa", "Hạnh", "Vy", "Nhi",
        "Như", "Yến", "Nga", "Hằng", "Hồng", "Loan", "Phương", "Thủy", "Trâm", "Trân", "Tuyết", "Uyên",
        "Quỳnh", "Dung", "Huyền", "Diễm", "Oanh", "Tâm", "Thư", "Châu", "Hiền", "Nhung", "Liên", "My",
        "Giang", "Khánh", "Vân", "Bích", "Cúc", "Đào", "Hậu", "Kiều", "Lệ", "Ly", "Nguyệt", "Nhàn", "Thoa",
    ]);

    // Hoa residents: Sino-Vietnamese names that have a Chinese-character form below.
    public static readonly Weighted<string> HoaMaleMiddleNames = Weighted<string>.ByRank([
        "Quốc", "Gia", "Minh", "Vĩnh", "Thanh", "Đức", "Kim", "Văn",
    ]);

    public static readonly Weighted<string> HoaFemaleMiddleNames = Weighted<string>.ByRank([
        "Ngọc", "Mỹ", "Kim", "Gia", "Huệ", "Lệ", "Tú", "Bảo",
    ]);

    public static readonly Weighted<string> HoaMaleGivenNames = Weighted<string>.ByRank([
        "Cường", "Phát", "Tài", "Vinh", "Hùng", "Hưng", "Kiệt", "Huy", "Khang", "Thành", "Long", "Hải",
        "Hào", "Thuận", "Xương", "Tường", "Kiện", "Lợi", "Minh", "Quân", "Phúc", "Trung", "Nghĩa",
    ]);

    public static readonly Weighted<string> HoaFemaleGivenNames = Weighted<string>.ByRank([
        "Linh", "Hoa", "Lan", "Mai", "Hương", "Trân", "Vy", "Như", "Nghi", "Di", "Đình", "Quyên",
        "Phương", "Yến", "Châu", "Thi", "Mẫn", "Huệ", "Lệ", "Anh",
    ]);

    /// <summary>Traditional characters (as written in Chợ Lớn) of the family names a Hoa resident may have.</summary>
    public static readonly IReadOnlyDictionary<string, string> HanFamilyNames = new Dictionary<string, string>
    {
        ["Lâm"] = "林", ["Trương"] = "張", ["Quách"] = "郭", ["Lưu"] = "劉", ["Hứa"] = "許", ["Tạ"] = "謝",
        ["Mã"] = "馬", ["Diệp"] = "葉", ["Thái"] = "蔡", ["Tăng"] = "曾", ["Mạch"] = "麥", ["La"] = "羅",
        ["Từ"] = "徐", ["Trần"] = "陳", ["Hoàng"] = "黃", ["Huỳnh"] = "黃", ["Lý"] = "李", ["Lương"] = "梁",
        ["Châu"] = "周", ["Ngô"] = "吳", ["Dương"] = "楊",
    };

    /// <summary>Characters of the Hoa middle and given names above.</summary>
    public static readonly IReadOnlyDictionary<string, string> HanNames = new Dictionary<string, string>
    {
        ["Quốc"] = "國", ["Gia"] = "家", ["Minh"] = "明", ["Vĩnh"] = "永", ["Thanh"] = "清", ["Đức"] = "德",
        ["Kim"] = "金", ["Văn"] = "文", ["Ngọc"] = "玉", ["Mỹ"] = "美", ["Huệ"] = "慧", ["Lệ"] = "麗",
        ["Tú"] = "秀", ["Bảo"] = "寶", ["Cường"] = "強", ["Phát"] = "發", ["Tài"] = "財", ["Vinh"] = "榮",
        ["Hùng"] = "雄", ["Hưng"] = "興", ["Kiệt"] = "傑", ["Huy"] = "輝", ["Khang"] = "康", ["Thành"] = "成",
        ["Long"] = "龍", ["Hải"] = "海", ["Hào"] = "豪", ["Thuận"] = "順", ["Xương"] = "昌", ["Tường"] = "祥",
        ["Kiện"] = "健", ["Lợi"] = "利", ["Quân"] = "軍", ["Phúc"] = "福", ["Trung"] = "忠", ["Nghĩa"] = "義",
        ["Linh"] = "玲", ["Hoa"] = "華", ["Lan"] = "蘭", ["Mai"] = "梅", ["Hương"] = "香", ["Trân"] = "珍",
        ["Vy"] = "薇", ["Như"] = "如", ["Nghi"] = "儀", ["Di"] = "怡", ["Đình"] = "婷", ["Quyên"] = "娟",
        ["Phương"] = "芳", ["Yến"] = "燕", ["Châu"] = "珠", ["Thi"] = "詩", ["Mẫn"] = "敏", ["Anh"] = "英",
    };
}

/// <summary>Picks items with given relative weights.</summary>
public sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IReadOnlyList<(T Item, double Weight)> items)
    {
        _items = items.Select(i => i.Item).ToArray();
        _cumulative = new double[items.Count];
        var total = 0.0;
        for (var i = 0; i < items.Count; i++) _cumulative[i] = total += items[i].Weight;
    }

    public IReadOnlyList<T> Items => _items;

    /// <summary>The n-th item of the list gets weight 1/(n+2): the first few are common, the tail rare.</summary>
    public static Weighted<T> ByRank(IReadOnlyList<T> mostCommonFirst) =>
        new(mostCommonFirst.Select((item, rank) => (item, 1.0 / (rank + 2))).ToList());

    public T Pick(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        // BinarySearch gives the complement of the first larger element when there is no exact match.
        return _items[index >= 0 ? index : ~index];
    }
}
