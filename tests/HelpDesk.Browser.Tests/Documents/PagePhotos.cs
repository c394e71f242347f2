using Microsoft.Playwright;

namespace HelpDesk.Browser.Tests.Documents;

/// <summary>
/// How a photographed paper is drawn: the size of the photo, how much it is out of focus (a CSS blur
/// radius in pixels of the photo), the sensor noise (± levels of 255) and the JPEG quality the "camera"
/// saves at. The seed makes the same photo every time.
/// </summary>
public sealed record PagePhoto(int Width, int Height, double Blur = 0, int Noise = 4, double Quality = 0.92, int Seed = 1193);

/// <summary>
/// Photos of a paper on a desk, drawn by the browser itself (canvas, then its own JPEG encoder), as a phone
/// would hand them to the page: a Vietnamese birth certificate of several text sizes with a red stamp, on
/// paper lit unevenly, slightly turned, on a dark desk, with sensor noise. A flat drawing would compress far
/// better than a photo and make the capture script's work look easier than it is. Used by the scan journey
/// and by tools/benchmarks/ScanUpload (which links this file).
/// </summary>
public static class PagePhotos
{
    /// <summary>The JPEG bytes of <paramref name="photo"/>, drawn in <paramref name="page"/>.</summary>
    public static async Task<byte[]> JpegAsync(IPage page, PagePhoto photo) =>
        Convert.FromBase64String(await page.EvaluateAsync<string>(
            $"async photo => {{ const blob = await ({Draw})(photo); {Base64Of} }}", photo));

    /// <summary>
    /// Draws <paramref name="photo"/> and keeps its JPEG in the page as <c>window[<paramref name="name"/>]</c>
    /// (a Blob), for work done on it inside the page; gives its size in bytes.
    /// </summary>
    public static Task<int> KeepInPageAsync(IPage page, PagePhoto photo, string name) =>
        page.EvaluateAsync<int>($"async ([photo, name]) => {{ window[name] = await ({Draw})(photo); return window[name].size; }}",
            new object[] { photo, name });

    /// <summary>The statements that turn <c>blob</c> into base64 and return it (inside an async function).</summary>
    internal const string Base64Of = """
        return await new Promise((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(",") + 1));
            reader.onerror = () => reject(reader.error);
            reader.readAsDataURL(blob);
        });
        """;

    private const string Draw = """
        (photo) => new Promise((resolve, reject) => {
            const { Width: width, Height: height, Blur: blur, Noise: noise, Quality: quality } = photo;
            let state = photo.Seed >>> 0;
            const random = () => { // mulberry32
                state = (state + 0x6D2B79F5) >>> 0;
                let t = Math.imul(state ^ (state >>> 15), state | 1);
                t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
                return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
            };
            const canvas = document.createElement("canvas");
            canvas.width = width; canvas.height = height;
            const c = canvas.getContext("2d");

            const desk = c.createLinearGradient(0, 0, width, height);
            desk.addColorStop(0, "#6b4f3a"); desk.addColorStop(1, "#3b2a1e");
            c.fillStyle = desk; c.fillRect(0, 0, width, height);

            // The paper fills most of the frame, turned a little, lit from the top left.
            const paperWidth = width * 0.9, paperHeight = height * 0.9;
            c.save();
            c.translate(width / 2, height / 2);
            c.rotate(0.015);
            c.translate(-paperWidth / 2, -paperHeight / 2);
            c.shadowColor = "rgba(0,0,0,0.5)"; c.shadowBlur = width / 100;
            const light = c.createRadialGradient(paperWidth * 0.3, paperHeight * 0.2, 0, paperWidth * 0.5, paperHeight * 0.5, Math.max(paperWidth, paperHeight));
            light.addColorStop(0, "#fbf9f2"); light.addColorStop(1, "#d6cfbf");
            c.fillStyle = light; c.fillRect(0, 0, paperWidth, paperHeight);
            c.shadowBlur = 0;

            const unit = paperHeight / 48;
            const margin = paperWidth * 0.07;
            c.fillStyle = "#1d1d22"; c.textBaseline = "alphabetic";
            const centred = (text, size, y, weight) => {
                c.font = `${weight || ""} ${size}px serif`; c.textAlign = "center"; c.fillText(text, paperWidth / 2, y);
            };
            centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", unit * 1.1, unit * 3, "bold");
            centred("Độc lập - Tự do - Hạnh phúc", unit, unit * 4.4, "bold");
            centred("GIẤY KHAI SINH", unit * 2, unit * 7.5, "bold");
            c.textAlign = "left";
            const labels = ["Họ, chữ đệm, tên:", "Ngày, tháng, năm sinh:", "Giới tính:", "Dân tộc:", "Quốc tịch:", "Nơi sinh:",
                "Quê quán:", "Số định danh cá nhân:", "Họ, chữ đệm, tên người mẹ:", "Năm sinh:", "Nơi cư trú:",
                "Họ, chữ đệm, tên người cha:", "Năm sinh:", "Nơi cư trú:", "Nơi đăng ký khai sinh:", "Ngày, tháng, năm đăng ký:"];
            const words = ["Nguyễn", "Ngọc", "Ánh", "Phường", "Chợ", "Lớn", "Thành", "phố", "Hồ", "Chí", "Minh", "Việt", "Nam",
                "Kinh", "Bệnh", "viện", "Từ", "Dũ", "Nam", "Định", "Phạm", "Thị", "Hoa", "Lâm", "Quốc", "Cường", "số", "48", "đường", "Trãi"];
            let y = unit * 10.5;
            for (const label of labels) {
                c.font = `${unit * 0.9}px serif`;
                c.fillText(label, margin, y);
                let x = margin + c.measureText(label).width + unit * 0.5;
                c.font = `italic ${unit * 0.95}px serif`;
                while (x < paperWidth - margin - unit * 4) {
                    const word = words[Math.floor(random() * words.length)];
                    c.fillText(word, x, y);
                    x += c.measureText(word + " ").width;
                    if (random() < 0.12) break;
                }
                y += unit * 1.9;
            }
            c.font = `${unit * 0.6}px sans-serif`;
            for (let line = 0; line < 4; line++, y += unit * 0.9) {
                let text = "";
                while (c.measureText(text).width < paperWidth - 2 * margin - unit * 6) text += words[Math.floor(random() * words.length)] + " ";
                c.fillText(text, margin, y);
            }

            // The stamp and a signature across it.
            const stampX = paperWidth * 0.72, stampY = paperHeight * 0.86, radius = unit * 3.2;
            c.strokeStyle = "rgba(200,30,40,0.85)"; c.fillStyle = "rgba(200,30,40,0.85)";
            c.lineWidth = unit * 0.25;
            c.beginPath(); c.arc(stampX, stampY, radius, 0, Math.PI * 2); c.stroke();
            c.beginPath(); c.arc(stampX, stampY, radius * 0.72, 0, Math.PI * 2); c.stroke();
            c.font = `bold ${unit * 0.7}px serif`; c.textAlign = "center";
            c.fillText("UBND PHƯỜNG", stampX, stampY - unit * 0.2);
            c.fillText("CHỢ LỚN", stampX, stampY + unit * 0.8);
            c.strokeStyle = "#1a2a6c"; c.lineWidth = unit * 0.12;
            c.beginPath(); c.moveTo(stampX - radius * 1.4, stampY + radius * 0.3);
            for (let i = 1; i <= 24; i++) c.lineTo(stampX - radius * 1.4 + i * radius * 0.12, stampY + radius * 0.3 + Math.sin(i * 1.3) * unit * 0.8);
            c.stroke();
            c.restore();

            let shot = canvas;
            if (blur > 0) {
                shot = document.createElement("canvas");
                shot.width = width; shot.height = height;
                const b = shot.getContext("2d");
                b.filter = `blur(${blur}px)`;
                b.drawImage(canvas, 0, 0);
                canvas.width = 0; canvas.height = 0;
            }
            if (noise > 0) {
                const s = shot.getContext("2d");
                const band = 256; // rows at a time: one ImageData of a 12-megapixel photo is 48 MB
                for (let top = 0; top < height; top += band) {
                    const rows = Math.min(band, height - top);
                    const pixels = s.getImageData(0, top, width, rows);
                    const data = pixels.data;
                    for (let i = 0; i < data.length; i += 4) {
                        data[i] += (random() - 0.5) * 2 * noise;
                        data[i + 1] += (random() - 0.5) * 2 * noise;
                        data[i + 2] += (random() - 0.5) * 2 * noise;
                    }
                    s.putImageData(pixels, 0, top);
                }
            }
            shot.toBlob(blob => {
                shot.width = 0; shot.height = 0;
                if (blob) resolve(blob); else reject(new Error("The photo could not be encoded."));
            }, "image/jpeg", quality);
        })
        """;
}
