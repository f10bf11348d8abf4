//! Every word the officer reads, in Bahasa Indonesia first and English
//! second (pure; no web crates).
//!
//! Invariant: the UI never writes user-facing text of its own; it asks this
//! module, and each message exists in both languages (the `messages!` table
//! makes a missing translation a compile error, the tests catch empty ones).

use crate::bundle::exchange::ExchangeProblem;
use crate::bundle::seal::{Refusal, Warning};
use crate::domain::applicant::{Field, FieldProblem};
use crate::domain::case::{CaseStatus, FeedbackState};
use crate::domain::date::{local_date, Date};
use crate::domain::lanes::{ActError, AnswerRefusal, Lateness};
use crate::domain::nik::{IdProblem, NikWarning, Sex};
use crate::domain::outputs::OutputProblem;
use crate::domain::pack_check::{
    AnswersFault, DecreeFault, LetterFault, ListFault, PackProblem, TimeProblem,
};
use crate::domain::photo::PhotoProblem;
use crate::domain::procedure::{Column, Outcome, Side, TimeStandard, TimeUnit};
use crate::domain::profile::ProfileProblem;
use crate::domain::staff::{SignerProblem, StaffAction, StaffProblem};
use crate::domain::standing::Standing;
use crate::domain::storage::StorageProblem;
use crate::domain::text::TextProblem;

/// The two interface languages. Indonesian is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// BCP 47 code, used for `<html lang>` and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Unknown or missing codes fall back to Indonesian.
    pub fn from_code(code: &str) -> Lang {
        match code.trim() {
            "en" => Lang::En,
            _ => Lang::Id,
        }
    }

    /// The language's name in itself, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }
}

macro_rules! messages {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            fn texts(self) -> (&'static str, &'static str) {
                match self { $(Msg::$key => ($id, $en)),* }
            }
        }
    };
}

messages! {
    SkipToContent => "Lewati ke isi", "Skip to content";
    NavMain => "Menu utama", "Main menu";
    NavHome => "Beranda", "Home";
    NavSettings => "Pengaturan", "Settings";
    NavAbout => "Tentang", "About";
    NavProcedures => "Prosedur", "Procedures";
    Loading => "Memuat…", "Loading…";

    HomeTitle => "Daftar kasus", "Case list";
    HomeEmptyTitle => "Belum ada kasus di perangkat ini", "No cases on this device yet";
    HomeEmptyIntro => "Pandu menuntun Anda langkah demi langkah melalui SOP PBI-JKN kabupaten Anda, juga tanpa sinyal.",
        "Pandu guides you step by step through your regency's PBI-JKN procedure, even without signal.";
    HomeEmptyStep1 => "Isi profil perangkat di Pengaturan: nama perangkat, nama petugas dan kode desa/kelurahan.",
        "Fill in the device profile in Settings: device name, officer name and village/kelurahan code.";
    HomeEmptyStep2 => "Saat warga datang, buka kasus baru dan ikuti langkah SOP: dokumen, foto dan keputusan.",
        "When a citizen comes, open a new case and follow the SOP's steps: documents, photos and decisions.";
    HomeEmptyStep3 => "Semua tersimpan di perangkat ini. Kirim kasus ke Dinas Sosial sebagai berkas saat siap.",
        "Everything is kept on this device. Send cases to the district office as a file when ready.";
    HomeOpenSettings => "Buka Pengaturan", "Open Settings";
    HomeProfileMissing => "Profil perangkat belum diisi.", "The device profile is not filled in yet.";
    HomeGreeting => "Petugas", "Officer";

    SettingsTitle => "Pengaturan", "Settings";
    SettingsLanguage => "Bahasa", "Language";
    SettingsProfile => "Profil perangkat", "Device profile";
    SettingsDeviceName => "Nama perangkat", "Device name";
    SettingsDeviceNameHint => "Contoh: HP Desa Sukamaju", "Example: HP Desa Sukamaju";
    SettingsOfficerName => "Nama petugas", "Officer name";
    SettingsVillageCode => "Kode desa/kelurahan", "Village/kelurahan code";
    SettingsVillageCodeHint => "Kode Kemendagri 10 digit, mis. 32.14.01.2001. Kosongkan di kantor Dinas.",
        "Kemendagri 10-digit code, e.g. 32.14.01.2001. Leave empty at the district office.";
    SettingsSave => "Simpan profil", "Save profile";
    SettingsSaving => "Menyimpan…", "Saving…";
    SettingsSaved => "Profil tersimpan di perangkat ini.", "Profile saved on this device.";
    SettingsStorage => "Penyimpanan", "Storage";
    SettingsStorageReady => "Penyimpanan siap: data tersimpan di perangkat ini.", "Storage ready: data is kept on this device.";
    SettingsPersistentYes => "Permanen: browser tidak akan menghapus data Pandu saat ruang hampir penuh.",
        "Persistent: the browser will not delete Pandu's data when space runs low.";
    SettingsPersistentNo => "Belum permanen: browser bisa menghapus data bila ruang penuh. Pasang Pandu ke layar utama dan kirim kasus secara rutin.",
        "Not persistent: the browser may delete data when space runs out. Add Pandu to the home screen and send cases regularly.";
    SettingsPersistentUnknown => "Browser ini tidak memberi tahu apakah penyimpanan permanen.",
        "This browser does not say whether storage is persistent.";
    SettingsUsageUnknown => "Browser ini tidak memberi tahu ruang yang terpakai.", "This browser does not report the space used.";

    AboutTitle => "Tentang Pandu", "About Pandu";
    AboutBody => "Pandu menuntun petugas desa/kelurahan dan Dinas Sosial melalui SOP kasus PBI-JKN: iuran jaminan kesehatan yang dibayar negara bagi warga miskin. Prosedur adalah data, satu paket per kabupaten/kota.",
        "Pandu guides village/kelurahan officers and the district social-welfare office through the SOPs for PBI-JKN cases: state-paid health insurance for poor citizens. Procedures are data, one pack per regency.";
    AboutOffline => "Setelah kunjungan pertama, Pandu bekerja tanpa internet. Data kasus hanya tersimpan di perangkat ini sampai dikirim sebagai berkas.",
        "After the first visit Pandu works without internet. Case data stays on this device until it is sent as a file.";
    AboutVersion => "Versi", "Version";

    ProceduresTitle => "Prosedur SOP", "SOP procedures";
    ProceduresRegency => "Kabupaten/kota", "Regency/city";
    ProceduresReconstructed => "Direkonstruksi: perlu dikonfirmasi oleh Dinas", "Reconstructed: to be confirmed by the office";
    ProceduresOpenChart => "Lihat bagan alir", "View flowchart";
    ProceduresRefused => "Paket prosedur ditolak", "Procedure pack refused";
    ProceduresRefusedKept => "Versi terakhir yang baik tetap dipakai; kasus tidak berubah.", "The last good version stays in use; cases are unchanged.";
    ProceduresOffline => "Tidak tersambung: menampilkan paket yang tersimpan di perangkat ini.", "Offline: showing the packs stored on this device.";
    ProceduresNone => "Belum ada paket prosedur di perangkat ini. Sambungkan ke internet sekali untuk memuatnya.", "No procedure pack on this device yet. Connect to the internet once to load them.";
    ProcedureNotFound => "Prosedur ini tidak ada di paket yang tersimpan.", "This procedure is not in the stored packs.";
    ProcedureSop => "Nomor SOP", "SOP number";
    ProcedureVersion => "Versi paket", "Pack version";
    ProcedureEffective => "Tanggal efektif", "Effective";
    ProcedureLegal => "Dasar hukum", "Legal basis";
    ProcedureWarning => "Peringatan", "Warning";
    ProcedureLanes => "Pelaksana (jalur)", "Roles (swimlanes)";
    ProcedureChart => "Bagan alir", "Flowchart";
    ProcedureSteps => "Daftar langkah", "List of steps";
    ProcedureBack => "Semua prosedur", "All procedures";
    ProcedureStart => "Mulai", "Start";
    ProcedureDocuments => "Dokumen", "Documents";
    ProcedureOutput => "Hasil", "Output";
    SideVillage => "desa/kelurahan", "village";
    SideDistrict => "dinas", "district";

    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundBody => "Alamat ini tidak ada di Pandu. Data Anda aman.", "This address does not exist in Pandu. Your data is safe.";
    NotFoundBack => "Kembali ke Beranda", "Back to Home";

    UpdateAvailable => "Versi baru Pandu tersedia. Simpan pekerjaan Anda, lalu muat ulang.",
        "A new version of Pandu is available. Save your work, then reload.";
    UpdateReload => "Muat ulang sekarang", "Reload now";
    UpdateLater => "Nanti", "Later";

    StorageOpening => "Membuka penyimpanan…", "Opening storage…";
    StorageWaiting => "Menunggu penyimpanan. Jika Pandu terbuka di tab lain, tutup tab itu.",
        "Waiting for storage. If Pandu is open in another tab, close that tab.";
    StorageTitle => "Penyimpanan tidak bisa dipakai", "Storage cannot be used";
    StorageSafe => "Data yang sudah tersimpan tidak diubah.", "Data already stored has not been changed.";
    StorageReload => "Muat ulang", "Reload";

    ProblemUnsupported => "Browser ini tidak mendukung penyimpanan offline. Gunakan Chrome atau browser Android terbaru.",
        "This browser does not support offline storage. Use Chrome or a recent Android browser.";
    ProblemDenied => "Browser menolak penyimpanan. Jangan gunakan mode penyamaran/pribadi, dan izinkan data situs untuk Pandu.",
        "The browser refuses storage. Do not use incognito/private mode, and allow site data for Pandu.";
    WipedTitle => "Data Pandu di perangkat ini dihapus oleh browser", "The browser deleted Pandu's data on this device";
    WipedBody => "Browser menghapus data Pandu (kasus, kunci perangkat), kemungkinan besar karena memori HP penuh dan Pandu belum dipasang ke layar utama. Kasus yang sudah dikirim aman di Dinas Sosial.", "The browser deleted Pandu's data (cases, the device key), most likely because the phone's storage was full and Pandu was not installed to the home screen. Cases already sent are safe at the district office.";
    WipedNext => "Yang perlu dilakukan: kosongkan ruang di HP, pasang Pandu ke layar utama (menu browser > Tambahkan ke layar utama), lalu kirim kartu perangkat yang baru ke Dinas Sosial agar didaftarkan ulang. Catat ulang kasus yang belum terkirim.", "What to do: free space on the phone, install Pandu to the home screen (browser menu > Add to home screen), then send the new device card to the district office to be enrolled again. Record again any case not yet sent.";
    WipedOk => "Saya mengerti", "I understand";
    ProblemLocked => "Kunci Pandu terkunci. Masukkan PIN Pandu di Pengaturan, lalu coba lagi.", "Pandu's keys are locked. Enter the Pandu PIN in Settings, then try again.";
    VaultSetTitle => "Buat PIN Pandu", "Set a Pandu PIN";
    VaultSetHelp => "Pandu memakai PIN ini untuk melindungi kunci yang dipakai menandatangani dan membuka paket, juga dari halaman lain di situs kabupaten. Pakai paling sedikit 6 angka (bukan 123456 atau 111111) atau kata sandi 8 huruf, dan ingat baik-baik. Kasus dan foto tidak perlu PIN.", "Pandu uses this PIN to protect the keys that sign and open bundles, also from other pages of the regency's website. Use at least 6 digits (not 123456 or 111111) or an 8-character passphrase, and remember it. Cases and photos need no PIN.";
    VaultUnlockTitle => "Masukkan PIN Pandu", "Enter the Pandu PIN";
    VaultUnlockHelp => "Untuk mengirim, menerima atau mendaftarkan perangkat, Pandu perlu PIN Anda. Pandu memintanya lagi di setiap tab baru, setelah dimuat ulang, dan setelah 15 menit tidak dipakai.", "To send, receive or enrol devices, Pandu needs your PIN. Pandu asks again in every new tab, after a reload, and after 15 minutes unused.";
    VaultSaved => "PIN Pandu tersimpan.", "The Pandu PIN is saved.";
    VaultForgot => "Lupa PIN?", "Forgot the PIN?";
    VaultForgotHelp => "PIN tidak bisa dipulihkan, tetapi kasus dan foto di perangkat ini tetap aman. Yang hilang hanya kunci perangkat: buat kunci baru dengan PIN baru, impor lagi konfigurasi Dinas Sosial, lalu kirim kartu perangkat yang baru ke Dinas agar didaftarkan ulang. Di laptop Dinas: pulihkan kunci kantor dari cadangannya, lalu setujui lagi perangkat desa.", "The PIN cannot be recovered, but the cases and photos on this device stay safe. Only the device's keys are lost: make new keys with a new PIN, import the district office's configuration again, then send the new device card to the office to be enrolled again. On the office laptop: restore the office keys from their backup, then approve the village devices again.";
    VaultForgotConfirm => "Saya mengerti: kunci lama dihapus", "I understand: the old keys are deleted";
    VaultForgotDo => "Hapus kunci lama dan buat PIN baru", "Delete the old keys and set a new PIN";
    FieldAtLimit => "Sampai batas: paling banyak", "At the limit: at most";
    VaultPin => "PIN Pandu", "Pandu PIN";
    VaultPinAgain => "Ulangi PIN", "Repeat the PIN";
    VaultSet => "Simpan PIN", "Save the PIN";
    VaultUnlock => "Buka", "Unlock";
    VaultTooShort => "Terlalu pendek: paling sedikit 6 angka, atau 8 huruf untuk kata sandi.", "Too short: at least 6 digits, or 8 characters for a passphrase.";
    VaultGuessable => "Terlalu mudah ditebak (angka sama atau berurutan).", "Too easy to guess (the same or consecutive digits).";
    VaultWrongPin => "PIN salah. Tidak ada yang dibuka.", "Wrong PIN. Nothing was unlocked.";
    ProblemQuota => "Ruang penyimpanan penuh. Jangan tutup Pandu: yang sudah tersimpan tetap ada. Kosongkan ruang di HP (foto, video, aplikasi), lalu coba lagi dalam 20 detik. Bila bisa, kirim kasus yang siap ke Dinas Sosial.",
        "Storage is full. Do not close Pandu: what was saved stays. Free space on the phone (photos, videos, apps), then try again in 20 seconds. If you can, send the cases that are ready to the district office.";
    ProblemVersionTooNew => "Data di perangkat ini dibuat oleh versi Pandu yang lebih baru. Muat ulang untuk memakai versi terbaru.",
        "The data on this device was made by a newer version of Pandu. Reload to use the newest version.";
    ProblemBlocked => "Pandu versi lama masih terbuka di tab lain. Tutup tab itu, lalu muat ulang.",
        "An older Pandu is still open in another tab. Close that tab, then reload.";
    ProblemClosed => "Pandu diperbarui di tab lain. Muat ulang halaman ini.",
        "Pandu was updated in another tab. Reload this page.";
    ProblemCorrupt => "Sebagian data tersimpan tidak bisa dibaca. Data lain tetap aman.",
        "Some stored data could not be read. Other data is safe.";
    ProblemOther => "Penyimpanan gagal karena kesalahan browser.", "Storage failed because of a browser error.";

    ProfileDeviceNameMissing => "Isi nama perangkat.", "Enter a device name.";
    ProfileDeviceNameTooLong => "Nama perangkat terlalu panjang (maks. 60 huruf).", "The device name is too long (max. 60 characters).";
    ProfileOfficerNameMissing => "Isi nama petugas.", "Enter the officer's name.";
    ProfileOfficerNameTooLong => "Nama petugas terlalu panjang (maks. 60 huruf).", "The officer name is too long (max. 60 characters).";
    ProfileVillageCodeUnknown => "Kode desa ini tidak dikenal: periksa kode provinsi dan kabupaten/kota (bukan 00), dan bagian terakhir yang diawali 1 (kelurahan) atau 2 (desa), mis. 32.14.01.2001.",
        "This village code is not known: check the province and regency codes (not 00), and the last part, which starts with 1 (kelurahan) or 2 (desa), e.g. 32.14.01.2001.";
    VillageOutsideDistrict => "Kode desa di profil berada di luar wilayah Dinas ini", "The village code in the profile lies outside this office's regency";
    VillageOutsideDistrictHint => "Periksa kode desa di profil atau pastikan konfigurasi ini dari Dinas Sosial kabupaten/kota Anda sebelum mempercayainya.",
        "Check the village code in the profile, or make sure this config comes from your own regency's office before trusting it.";
    ConfigNotAConfig => "File ini bukan konfigurasi Dinas yang sah. Pilih file konfigurasi dari Dinas Sosial Anda (berakhiran .json, mis. pandu-dinas-3214.json).",
        "This file is not a valid district config. Pick the config file from your district office (ending in .json, e.g. pandu-dinas-3214.json).";
    ProfileVillageCodeMalformed => "Kode desa harus 10 digit, mis. 32.14.01.2001.", "The village code must be 10 digits, e.g. 32.14.01.2001.";

    CaseNew => "Kasus baru", "New case";
    CaseNewTitle => "Kasus baru: pilih prosedur", "New case: choose a procedure";
    CaseNewStart => "Mulai kasus", "Start case";
    CaseNewNeedProfile => "Isi profil perangkat dulu: nama petugas dicatat pada setiap langkah.",
        "Fill in the device profile first: the officer's name is recorded with every step.";
    CaseNotFound => "Kasus ini tidak ada di perangkat ini.", "This case is not on this device.";
    CaseBackToList => "← Daftar kasus", "← Case list";
    CaseNoName => "(belum ada nama)", "(no name yet)";
    CaseApplicant => "Data pemohon", "Applicant";
    CaseApplicantHint => "Setiap isian tersimpan otomatis dalam 1 detik.", "Every field is saved automatically within a second.";
    CaseSaved => "Tersimpan", "Saved";
    CaseOtherTab => "Kasus ini baru diubah di tab atau jendela Pandu lain. Yang tampil di sini sudah diperbarui; periksa sebelum melanjutkan.", "This case was just changed in another Pandu tab or window. What shows here is up to date; check it before going on.";
    CaseSaving => "Menyimpan…", "Saving…";
    CaseSaveFailed => "Belum tersimpan", "Not saved";
    FieldFullName => "Nama lengkap (sesuai KTP)", "Full name (as on the KTP)";
    FieldBabyName => "Nama bayi (sesuai surat keterangan lahir)", "Baby's name (as on the birth letter)";
    FieldNik => "NIK (16 digit)", "NIK (16 digits)";
    FieldKk => "Nomor KK (16 digit)", "Family card (KK) number (16 digits)";
    FieldBirthDate => "Tanggal lahir", "Date of birth";
    FieldSex => "Jenis kelamin", "Sex";
    FieldSexMale => "Laki-laki", "Male";
    FieldSexFemale => "Perempuan", "Female";
    FieldSexUnset => "Pilih…", "Choose…";
    FieldAddress => "Alamat (jalan, dusun)", "Address (street, hamlet)";
    FieldRt => "RT", "RT (neighbourhood)";
    FieldRw => "RW", "RW (hamlet)";
    FieldVillage => "Desa/kelurahan", "Village/kelurahan";
    FieldDistrict => "Kecamatan", "District (kecamatan)";
    FieldPhone => "Nomor HP", "Phone number";
    FieldKis => "Nomor kartu KIS/JKN (jika sudah punya)", "KIS/JKN card number (if insured already)";
    FieldBadKis => "Nomor kartu KIS/JKN: 13 angka.", "KIS/JKN card number: 13 digits.";
    FieldRequired => "Wajib diisi.", "Required.";
    FieldNoIdentity => "Isi NIK, atau nomor KK bila belum punya NIK (bayi baru lahir).",
        "Enter the NIK, or the KK number when there is no NIK yet (a newborn).";
    FieldBadDate => "Tanggal tidak valid.", "Not a valid date.";
    FieldDateInFuture => "Tanggal lahir tidak boleh setelah hari ini.", "The date of birth cannot be after today.";
    FieldBadNeighbourhood => "RT/RW: 1 sampai 3 angka, mis. 003.", "RT/RW: 1 to 3 digits, e.g. 003.";
    FieldBadPhone => "Nomor HP: 8-15 angka, boleh diawali +62.", "Phone: 8-15 digits, may start with +62.";
    FieldBadSex => "Pilih laki-laki atau perempuan.", "Choose male or female.";
    TextTooLong => "Terlalu panjang: paling banyak", "Too long: at most";
    TextChars => "huruf", "characters";
    IdNotDigits => "Hanya boleh angka.", "Digits only.";
    IdUnknownProvince => "Dua digit pertama bukan kode provinsi.", "The first two digits are not a province code.";
    IdBadRegion => "Kode kabupaten/kecamatan (digit 3-6) tidak boleh 00.", "The regency/district code (digits 3-6) cannot be 00.";
    IdImpossibleBirthDate => "Digit 7-12 bukan tanggal lahir yang ada.", "Digits 7-12 are not a real date of birth.";
    IdBirthDateInFuture => "Tanggal lahir dalam NIK ada di masa depan.", "The birth date in the NIK lies in the future.";
    IdZeroSerial => "Nomor urut (4 digit terakhir) tidak boleh 0000.", "The serial (last 4 digits) cannot be 0000.";
    NikDuplicate => "NIK ini sudah punya kasus di perangkat ini:", "This NIK already has a case on this device:";
    CaseFixApplicant => "Lengkapi data pemohon dulu (lihat tanda merah).", "Complete the applicant's details first (see the red notes).";

    CaseCurrentStep => "Langkah sekarang", "Current step";
    CaseActor => "Pelaksana", "Done by";
    CaseTimeStandard => "Waktu baku", "Time standard";
    CaseOnStepFor => "Sudah di langkah ini", "On this step for";
    CaseDue => "Batas waktu", "Due";
    CaseLate => "Terlambat", "Late";
    CaseWindowOpens => "Dibuka", "Opens";
    CaseEffective => "Berlaku", "Takes effect";
    CaseDocuments => "Dokumen", "Documents";
    CaseDocsHint => "Foto setiap dokumen, atau tandai tidak ada.", "Photograph each document, or mark it missing.";
    DocPresent => "Ada", "Present";
    DocMissing => "Tidak ada", "Missing";
    DocUnchecked => "Belum dicek", "Not checked";
    DocTakePhoto => "Foto", "Photo";
    DocGallery => "Galeri", "Gallery";
    DocMarkPresent => "Ada (tanpa foto)", "Present (no photo)";
    DocMarkMissing => "Tidak ada", "Missing";
    DocPhotoSaving => "Memproses foto…", "Processing the photo…";
    DocNeedsCheck => "Cek semua dokumen dulu: foto, atau tandai ada / tidak ada.",
        "Check every document first: a photo, or mark it present / missing.";
    PhotoNotImage => "Berkas ini bukan foto. Pilih foto (JPG/PNG) dari kamera atau galeri.",
        "This file is not a photo. Choose a photo (JPG/PNG) from the camera or gallery.";
    PhotoTooLarge => "Foto terlalu besar (maks. 20 MB). Ambil ulang dengan kamera HP.",
        "The photo is too large (max. 20 MB). Take it again with the phone camera.";
    PhotoCannotShrink => "Foto tidak bisa diperkecil sampai 200 KB. Ambil ulang dengan cahaya lebih terang.",
        "The photo could not be made smaller than 200 KB. Take it again in better light.";
    PhotoFailed => "Foto gagal diproses oleh browser. Coba lagi.", "The browser could not process the photo. Try again.";
    CaseCompleteStep => "Selesaikan langkah ini", "Complete this step";
    CaseDecision => "Keputusan", "Decision";
    CaseLegalBasis => "Dasar hukum", "Legal basis";
    CaseReason => "Alasan / catatan", "Reason / note";
    CaseReasonRequired => "Tulis alasannya: berkas dikembalikan ke Kepala Desa bersama alasan ini.",
        "Write the reason: the file goes back to the village head with it.";
    CaseEnded => "Kasus selesai", "Case finished";
    CaseEndedReturned => "Berkas dikembalikan ke Kepala Desa/Lurah.", "The file is returned to the village head.";
    CaseEndedRefused => "Permohonan ditolak.", "The application is refused.";
    CaseEndedMissing => "Dokumen yang kurang:", "Missing documents:";
    CaseEndedReason => "Alasan:", "Reason:";
    CaseNextDue => "Sedang di langkah", "Now at";
    CaseSteps => "Langkah dan waktu", "Steps and times";
    CaseStepTook => "lama", "took";
    CaseOverran => "di luar waktu baku", "outside the time standard";
    CaseWithin => "sesuai waktu baku", "within the time standard";
    CaseTimeline => "Riwayat", "History";
    CaseConflict => "Langkah ganda dari perangkat lain diabaikan.", "A duplicate step from another device was ignored.";
    CasePackMissing => "Versi prosedur kasus ini belum ada di perangkat. Buka Pandu sekali dengan sinyal.",
        "This case's procedure version is not on this device yet. Open Pandu once with signal.";
    EvCreated => "Kasus dibuka", "Case opened";
    EvFieldSet => "Data diisi", "Detail entered";
    EvFieldCleared => "Data dikosongkan", "Detail cleared";
    EvPhoto => "Foto dokumen", "Document photo";
    EvMarkedPresent => "Dokumen ada", "Document present";
    EvMarkedMissing => "Dokumen tidak ada", "Document missing";
    EvStep => "Langkah selesai", "Step completed";
    EvDecision => "Keputusan", "Decision";
    EvNewer => "Dicatat oleh Pandu versi lebih baru. Perbarui Pandu untuk melihatnya.", "Recorded by a newer Pandu. Update Pandu to see it.";
    EvNewerPart => "sebagian dicatat oleh Pandu versi lebih baru; perbarui Pandu untuk melihat semuanya", "partly recorded by a newer Pandu; update Pandu to see all of it";
    EvNote => "Catatan", "Note";
    EvLetter => "Surat diterbitkan, nomor", "Letter issued, number";
    EvMerged => "Digabung dengan kasus ganda", "Merged with the duplicate case";
    EvMergedInto => "Kasus ganda: digabung oleh Dinas ke kasus", "Duplicate: merged by the district office into case";
    EvStatus => "Status berubah", "Status changed";

    ListSearch => "Cari nama atau NIK", "Search name or NIK";
    ListProcedure => "Prosedur", "Procedure";
    ListStatus => "Status kasus", "Case status";
    ListAll => "Semua", "All";
    ListNone => "Tidak ada kasus yang cocok.", "No matching cases.";
    ListMore => "Muat lagi", "Load more";
    ListStep => "Langkah", "Step";
    ListSearchCapped => "Terlalu banyak hasil: ketik lebih lengkap.", "Too many results: type more.";

    EvFeedback => "Jawaban Dinas", "District's answer";
    StillMissing => "masih kurang", "still missing";
    NavSend => "Kirim", "Send";
    NavReceive => "Terima", "Receive";
    NavDevices => "Perangkat desa", "Village devices";

    KeysTitle => "Kunci dan Dinas Sosial", "Keys and the district office";
    KeysThisDevice => "Sidik jari perangkat ini", "This device's fingerprint";
    KeysReadAloud => "Bacakan angka ini lewat telepon untuk mencocokkan.", "Read these numbers aloud by phone to compare them.";
    KeysDeviceCard => "Unduh kartu perangkat", "Download the device card";
    KeysShowQr => "Tampilkan kode QR kartu", "Show the card as a QR code";
    KeysQrTitle => "Kode QR kartu perangkat", "QR code of the device card";
    KeysDeviceCardHelp => "Kirim kartu ini ke Dinas Sosial agar perangkat ini didaftarkan.", "Send this card to the district office to enrol this device.";
    KeysDistrict => "Dinas Sosial tujuan", "District office";
    KeysNoDistrict => "Belum ada. Impor file konfigurasi dari Dinas Sosial.", "None yet. Import the configuration file from the district office.";
    KeysImportDistrict => "Impor konfigurasi Dinas", "Import the district configuration";
    KeysCompare => "Cocokkan sidik jari ini dengan Dinas lewat telepon sebelum memercayainya:", "Compare this fingerprint with the district office by phone before trusting it:";
    KeysTrust => "Cocok, percayai", "It matches, trust it";
    Cancel => "Batal", "Cancel";
    KeysOffice => "Mode kantor Dinas Sosial", "District office mode";
    KeysOfficeHelp => "Hanya untuk laptop Dinas Sosial: perangkat ini akan menerima paket dari desa.", "Only for the district office's laptop: this device will receive bundles from villages.";
    KeysOfficeCode => "Kode kabupaten/kota (PP.KK)", "Regency/city code (PP.KK)";
    KeysOfficeName => "Nama kantor", "Office name";
    KeysOfficePack => "Prosedur yang dipakai", "Procedures used";
    KeysOfficeCreate => "Jadikan kantor Dinas", "Make this the district office";
    KeysOfficeBadCode => "Kode harus dua angka, titik, dua angka (contoh 33.13).", "The code must be two digits, a dot, two digits (e.g. 33.13).";
    KeysOfficeConfig => "Unduh konfigurasi untuk desa", "Download the configuration for villages";
    KeysBackup => "Cadangkan kunci Dinas", "Back up the office keys";
    KeysBackupWarning => "PENTING: tanpa cadangan ini, jika laptop rusak atau hilang, SEMUA paket dari desa tidak bisa dibuka lagi. Simpan file cadangan di flashdisk terpisah dan catat kata sandinya di tempat aman.",
        "IMPORTANT: without this backup, if the laptop breaks or is lost, NO bundle from the villages can be opened again. Keep the backup file on a separate USB stick and write the passphrase down somewhere safe.";
    KeysPassphrase => "Kata sandi (paling sedikit 12 huruf)", "Passphrase (at least 12 characters)";
    KeysPassphraseAgain => "Ulangi kata sandi", "Repeat the passphrase";
    KeysPassphraseMismatch => "Kedua kata sandi tidak sama.", "The two passphrases differ.";
    KeysBackupMake => "Buat file cadangan", "Make the backup file";
    KeysRestore => "Pulihkan kunci Dinas dari cadangan", "Restore the office keys from a backup";
    KeysRestoreDo => "Pulihkan", "Restore";
    KeysRestored => "Kunci Dinas dipulihkan.", "The office keys were restored.";
    KeysWorking => "Sedang diproses…", "Working…";
    KeysNeedProfile => "Isi dulu profil perangkat (nama perangkat dan petugas).", "Fill in the device profile (device and officer names) first.";

    SendTitle => "Kirim ke Dinas Sosial", "Send to the district office";
    SendHelp => "Pilih kasus yang sudah selesai. Kasus tetap tersimpan di sini sampai Dinas mengirim tanda terima.", "Choose finished cases. They stay on this device until the district's receipt arrives.";
    SendNone => "Belum ada kasus selesai yang perlu dikirim.", "No finished cases to send yet.";
    SendMake => "Buat paket", "Make the bundle";
    SendShare => "Bagikan (WhatsApp, email…)", "Share (WhatsApp, email…)";
    SendDownload => "Unduh file", "Download the file";
    SendMade => "Paket siap:", "Bundle ready:";
    SendAnswersTitle => "Kirim jawaban ke desa", "Send answers to villages";
    SendAnswersNone => "Belum ada jawaban baru untuk perangkat desa.", "No new answers for village devices.";
    SendAnswersMake => "Buat paket jawaban", "Make the answer bundle";
    SendSelectAll => "Pilih semua", "Select all";

    RecvTitle => "Terima paket", "Receive a bundle";
    RecvHelp => "Pilih file .pandu dari WhatsApp, email atau flashdisk, atau seret ke sini.", "Pick a .pandu file from WhatsApp, email or a USB stick, or drop it here.";
    RecvPick => "Pilih file paket", "Pick a bundle file";
    RecvDrop => "Seret file ke sini", "Drop the file here";
    RecvOpening => "Membuka dan memeriksa tanda tangan…", "Opening and checking the signature…";
    RecvChecking => "Memeriksa pengirim dan urutan…", "Checking the sender and sequence…";
    RecvMerging => "Menggabungkan kasus…", "Merging cases…";
    RecvWriting => "Menyimpan…", "Saving…";
    RecvDone => "Selesai diimpor", "Imported";
    RecvFrom => "Dari", "From";
    RecvNew => "Kasus baru", "New cases";
    RecvUpdated => "Kasus diperbarui", "Updated cases";
    RecvUnchanged => "Tanpa perubahan", "Unchanged";
    RecvNikElsewhere => "NIK yang sudah punya kasus dari desa lain", "NIKs that already have a case from another village";
    RecvNothingNew => "Paket ini sudah pernah diimpor: tidak ada yang berubah.", "This bundle was already imported: nothing changed.";
    RecvRefused => "Paket ditolak", "Bundle refused";
    RecvQuarantined => "Perangkat pengirim belum terdaftar. Paket disimpan terpisah dan belum dibuka ke daftar kasus.", "The sending device is not enrolled. The bundle is kept aside and not added to the case list.";
    RecvQuarantineAction => "Telepon petugas desa, minta ia membacakan sidik jari perangkatnya, lalu setujui di halaman Perangkat desa.", "Phone the village officer, have them read their device's fingerprint aloud, then approve it on the Village devices page.";
    RecvPhotos => "foto", "photos";

    DevTitle => "Perangkat desa", "Village devices";
    DevHelp => "Perangkat yang boleh mengirim paket ke Dinas. Setujui hanya setelah sidik jari dibacakan lewat telepon dan cocok.", "Devices allowed to send bundles to the office. Approve only after the fingerprint was read aloud by phone and matches.";
    DevAddCard => "Tambah dari kartu perangkat", "Add from a device card";
    DevNone => "Belum ada perangkat.", "No devices yet.";
    DevEnrolled => "Terdaftar", "Enrolled";
    DevPending => "Menunggu persetujuan", "Waiting for approval";
    DevRevoked => "Dicabut", "Revoked";
    DevForged => "Catatan perangkat ini tidak dibuat oleh Pandu di perangkat ini (mungkin ditulis halaman lain di situs yang sama). Tidak dipercaya sampai disetujui lagi setelah sidik jarinya dicocokkan lewat telepon.", "This device record was not made by Pandu on this device (perhaps written by another page of the same website). It is not trusted until approved again after its fingerprint is compared by phone.";
    DevOlderApp => "versi lama: minta petugas memperbarui Pandu saat ada sinyal (Pengaturan), agar jawaban kantor terbaca semua.", "an older version: ask the officer to update Pandu when there is signal (Settings), so every office answer can be read.";
    DevApprove => "Sidik jari cocok, setujui", "Fingerprint matches, approve";
    DevRevoke => "Cabut", "Revoke";
    DevWaiting => "paket menunggu", "bundles waiting";
    DevLastBundle => "Paket terakhir no.", "Last bundle no.";

    AnswerTitle => "Jawaban Dinas", "District's answer";
    AnswerRecord => "Catat jawaban", "Record the answer";
    AnswerReason => "Alasan", "Reason";
    AnswerMissing => "Dokumen yang kurang", "Missing documents";
    AnswerNeedReason => "Tulis alasannya.", "Write the reason.";
    ExUnknownProcedure => "Paket berisi kasus dengan prosedur", "The bundle holds a case under the procedure";
    ExVersion => "versi", "version";
    ExUnknownProcedureFix => "Perangkat ini belum memuat versi itu, jadi lajurnya tidak bisa diperiksa. Tidak ada yang diimpor. Buka halaman Prosedur saat ada sinyal, lalu impor lagi.", "This device does not hold that version, so its lanes cannot be checked. Nothing was imported. Open the Procedures page while online, then import again.";
    ExOutOfLaneCase => "Paket ditolak. Kasus", "Bundle refused. Case";
    ExOutOfLane => "memuat catatan di luar lajur pengirimnya (perangkat desa hanya mencatat bagian desa; Dinas hanya bagian Dinas dan jawabannya)", "holds a record outside its sender's lane (a village device records only the village's part; the office only the district's part and its answers)";
    ExNothingImported => "Tidak ada yang diimpor. Minta pengirim memperbarui aplikasi dan mengirim ulang dari perangkat yang berhak.", "Nothing was imported. Ask the sender to update the app and send again from the device entitled to it.";
    OfficeSignIn => "Masuk sebagai staf di Kotak masuk dulu: tindakan kantor ini dicatat atas nama staf yang masuk.", "Sign in as a staff member in the Inbox first: this office action is recorded under the signed-in member's name.";
    ActAnswerFirst => "Catat jawaban Dinas dulu (bagian \u{201c}Catat jawaban\u{201d}), lalu selesaikan langkah ini.", "Record the district's answer first (\u{201c}Record the answer\u{201d}), then complete this step.";
    ExForeignPack => "Paket ditolak. Kasus", "Bundle refused. Case";
    ExForeignPackUses => "memakai prosedur", "follows the procedures of";
    ExForeignPackOffice => "sedangkan kantor ini bekerja dengan prosedur", "while this office works with the procedures of";
    ExForeignPackFix => "Tidak ada yang diimpor. Perangkat desa harus membuat kasus dengan prosedur kabupaten Dinas yang dipercayainya.", "Nothing was imported. The village device must open its cases under the procedures of the district it trusts.";
    NewCaseTrusted => "prosedur Dinas Sosial yang dipercaya perangkat ini", "the procedures of the district office this device trusts";
    PinWait => "Terlalu banyak PIN salah berturut-turut. Tunggu sebentar, lalu coba lagi.", "Too many wrong PINs in a row. Wait a moment, then try again.";
    PinWaitFor => "Terlalu banyak PIN salah berturut-turut. Coba lagi dalam", "Too many wrong PINs in a row. Try again in";
    AnswerChoose => "Pilih jawabannya dulu.", "Choose the answer first.";
    AnswerSignIn => "Masuk sebagai staf di Kotak masuk untuk mencatat jawaban Dinas.", "Sign in as a staff member in the Inbox to record the district's answer.";
    AnswerByRoles => "Jawaban Dinas dicatat oleh", "The district's answer is recorded by";
    AnswerNotYet => "Jawaban Dinas bisa dicatat setelah kasus sampai di langkah", "The district's answer can be recorded once the case reaches the step";
    AnswerOrEnd => "atau di akhir prosedur", "or the end of its procedure";
    AnswerAtEnd => "Jawaban dicatat setelah kasus selesai diproses (sampai di akhir prosedur).", "The answer is recorded once the case reaches the end of its procedure.";
    AnswerNotOffered => "Jawaban itu tidak tersedia untuk kasus ini sekarang.", "That answer is not offered for this case now.";
    Archive => "Arsipkan", "Archive";

    ExNoDistrict => "Perangkat ini belum punya konfigurasi Dinas Sosial. Impor dulu di Pengaturan.", "This device has no district configuration yet. Import it in Settings first.";
    ExNotOffice => "Hanya laptop Dinas Sosial yang bisa melakukan ini.", "Only the district office's laptop can do this.";
    ExNotFromDistrict => "Paket ini tidak ditandatangani oleh Dinas Sosial Anda. Tidak diimpor.", "This bundle is not signed by your district office. Nothing was imported.";
    ExNothingToSend => "Tidak ada yang perlu dikirim.", "Nothing to send.";
    ExWrongPassphrase => "Kata sandi salah.", "Wrong passphrase.";
    ExNotABackup => "File ini bukan cadangan kunci Pandu.", "This file is not a Pandu key backup.";
    ExWeakPassphrase => "Kata sandi terlalu pendek: paling sedikit 12 huruf.", "The passphrase is too short: at least 12 characters.";
    RfNotABundle => "File ini bukan paket Pandu. Pilih file yang berakhiran .pandu.", "This file is not a Pandu bundle. Pick a file ending in .pandu.";
    RfNotForThisDevice => "Paket ini dikunci untuk kantor atau perangkat lain, jadi tidak bisa dibuka di sini.", "This bundle is locked for another office or device, so it cannot be opened here.";
    RfDamaged => "Paket rusak atau tidak lengkap (mungkin terpotong saat dikirim). Minta desa mengirim ulang.", "The bundle is damaged or incomplete (perhaps cut off in transfer). Ask for it to be sent again.";
    RfWrongType => "Paket dari versi Pandu lain. Perbarui Pandu di kedua perangkat.", "A bundle from another version of Pandu. Update Pandu on both devices.";
    RfMalformed => "Isi paket tidak sesuai format. Tidak ada yang diimpor.", "The bundle's content is not in the expected format. Nothing was imported.";
    RfBadSignature => "Tanda tangan paket tidak sah: isinya mungkin diubah. Tidak ada yang diimpor.", "The bundle's signature is not valid: its content may have been changed. Nothing was imported.";
    RfWrongRecipient => "Paket ini ditujukan untuk Dinas atau perangkat lain.", "This bundle is addressed to another office or device.";
    RfWrongKind => "Jenis file ini tidak diimpor di sini.", "This kind of file is not imported here.";
    RfRevoked => "Perangkat pengirim sudah dicabut. Paket ditolak.", "The sending device was revoked. The bundle was refused.";
    RfReplay => "Paket ini (atau yang lebih baru) sudah pernah diimpor. Tidak ada yang diubah.", "This bundle (or a newer one) was already imported. Nothing was changed.";
    RfAttachment => "Foto dalam paket tidak cocok dengan daftarnya. Tidak ada yang diimpor.", "A photo in the bundle does not match its listing. Nothing was imported.";
    RfAttachmentTooLarge => "Paket mengaku berisi foto yang terlalu besar. Tidak ada yang diimpor.", "The bundle claims a photo that is too large. Nothing was imported.";
    RfInconsistent => "Riwayat kasus dalam paket bertentangan dengan yang tersimpan. Tidak ada yang diimpor.", "A case history in the bundle contradicts the stored one. Nothing was imported.";
    RfTooLarge => "File terlalu besar untuk diimpor (paling besar 512 MB). Pastikan file yang dipilih adalah paket .pandu.", "The file is too large to import (at most 512 MB). Check that the file picked is a .pandu bundle.";
    RfTrailingData => "Paket berisi data tambahan di luar isinya: mungkin diubah setelah dibuat. Tidak ada yang diimpor.", "The bundle holds extra data outside its content: it may have been changed after it was made. Nothing was imported.";
    RfBrokenHistory => "Riwayat kasus dalam paket tidak utuh (kasus ganda, kasus tanpa riwayat, atau riwayat milik kasus lain). Tidak ada yang diimpor.", "A case history in the bundle is broken (a case twice, a case with no history, or another case's history). Nothing was imported.";
    RfTooManyCases => "Paket berisi terlalu banyak kasus", "The bundle holds too many cases";
    RfTooManyEvents => "Satu kasus dalam paket berisi terlalu banyak catatan riwayat", "A case in the bundle holds too many history entries";
    RfAtMost => "paling banyak", "at most";
    RfNothingImported => "Tidak ada yang diimpor.", "Nothing was imported.";
    RfText => "Paket berisi teks yang tidak diterima di", "The bundle holds text that is not accepted in";
    RfHiddenText => "berisi karakter tersembunyi yang membalik atau mengubah arah tulisan", "it holds hidden characters that reverse or change the text direction";
    WarnGap => "Ada paket dari perangkat ini yang belum diterima: nomor", "Bundles from this device never arrived: numbers";
    WarnChainBroken => "Paket ini tidak menyambung ke paket terakhir dari perangkat ini (perangkat direset?).", "This bundle does not follow the last one from this device (was the device reset?).";
    NavInbox => "Kotak masuk", "Inbox";
    NavDashboard => "Dasbor", "Dashboard";
    DashboardNotOffice => "Dasbor dipakai di laptop Dinas Sosial (mode kantor, di Pengaturan).", "The dashboard is for the district office's laptop (district office mode, in Settings).";
    DashboardCounting => "Menghitung kasus\u{2026}", "Counting cases\u{2026}";
    DashboardTotal => "Semua kasus di perangkat ini", "All cases on this device";
    WindowsTitle => "Jadwal bulan ini", "This cycle's windows";
    WindowsHint => "Langkah yang hanya dikerjakan pada tanggal tertentu setiap bulan. \"Akan terlewat\": bila setiap langkah sebelumnya memakai waktu bakunya, kasus tiba sesudah jadwal ditutup.", "Steps worked only on given days of each month. \"Will miss it\": if each step before takes its time standard, the case arrives after the window closes.";
    WindowsNone => "Prosedur kabupaten ini tidak punya jadwal bulanan.", "This regency's procedures have no monthly windows.";
    WindowCutoff => "Batas", "Cut-off";
    WindowEffective => "berlaku mulai", "effective from";
    WindowOpensIn => "Belum dibuka; dibuka dalam", "Not open yet; opens in";
    WindowClosesIn => "Dibuka; ditutup dalam", "Open; closes in";
    WindowWaiting => "menunggu di langkah ini untuk jadwal di atas", "waiting at this step for the window above";
    WindowMissed => "sudah lewat jadwalnya", "missed their window";
    WindowComing => "masih di langkah sebelumnya, sempat", "on the way, in time";
    WindowAtRisk => "akan terlewat", "will miss it";
    ChartsTitle => "Grafik", "Charts";
    ChartNoData => "Belum ada kasus.", "No cases yet.";
    ChartNoVillage => "(desa belum diisi)", "(village not filled in)";
    ChartOtherVillages => "Desa lain", "Other villages";
    ChartByVillage => "Kasus per desa dan status", "Cases per village and status";
    ChartByProcedure => "Kasus per prosedur dan status", "Cases per procedure and status";
    ChartByLane => "Kasus menunggu per pelaksana", "Cases waiting per lane";
    ChartOnTime => "Tepat waktu", "On time";
    ChartLate => "Terlambat", "Late";
    ChartBySteps => "Kepatuhan waktu baku per langkah", "Time standard kept per step";
    ChartUnitCases => "jumlah kasus", "number of cases";
    ChartUnitSteps => "jumlah kasus yang melewati atau berada di langkah itu", "cases that passed or stand at the step";
    ChartDoneOnTime => "Selesai tepat waktu", "Done on time";
    ChartDoneOver => "Selesai lewat waktu", "Done late";
    ChartOpen => "Sedang dikerjakan", "In progress";
    ChartOpenLate => "Sedang dikerjakan, terlambat", "In progress, late";
    DupsTitle => "Kasus ganda", "Duplicate cases";
    DupDiffers => "berbeda", "differs";
    DupsNone => "Tidak ada NIK yang dikirim oleh dua desa.", "No NIK was sent by two villages.";
    DupsHint => "Satu NIK dikirim oleh lebih dari satu desa. Bandingkan, lalu pertahankan satu kasus.", "One NIK was sent by more than one village. Compare them, then keep one case.";
    DupKeepThis => "Pertahankan kasus ini", "Keep this case";
    DupCompare => "Bandingkan berdampingan", "Compare side by side";
    DupDecide => "Keputusan", "Decision";
    DupMerge => "Gabungkan yang lain ke kasus yang dipertahankan", "Merge the others into the kept case";
    DupMergeHint => "Data dan foto dokumen yang hanya ada di kasus lain disalin ke kasus yang dipertahankan; riwayat keduanya tetap utuh.", "Data and document photos only the other cases have are copied into the kept case; both histories stay whole.";
    DupReason => "Alasan pengembalian ke desa", "Reason for returning to the village";
    DupReturn => "Kembalikan yang lain ke desanya", "Return the others to their villages";
    DupNeedReason => "Tuliskan alasan pengembalian untuk desa.", "Write the reason for the village.";
    DupOtherPerson => "Kasus-kasus ini bukan NIK yang sama; tidak ada yang diubah.", "These cases do not share the NIK; nothing was changed.";
    DupAlreadyMerged => "Kasus ini sudah digabung; tidak ada yang diubah.", "This case was already merged; nothing was changed.";
    DupMerged => "Kasus digabung. Desa menerima kabarnya pada kiriman jawaban berikutnya.", "Cases merged. The villages hear it with the next answers sent.";
    DupReturned => "Kasus lain dikembalikan ke desanya dengan alasan tersebut.", "The other cases were returned to their villages with the reason.";
    StaffTitle => "Staf kantor", "Office staff";
    StaffHint => "Setiap orang yang memakai laptop ini bekerja di satu peran dengan PIN-nya sendiri. Tanpa staf, siapa pun di laptop ini dapat mengerjakan setiap langkah.", "Everyone who uses this laptop works in one role with their own PIN. Without staff, anyone at this laptop may do every step.";
    StaffName => "Nama", "Name";
    StaffRole => "Peran", "Role";
    StaffPin => "PIN (4-8 angka)", "PIN (4-8 digits)";
    StaffPinAgain => "Ulangi PIN", "PIN again";
    StaffAdd => "Tambah staf", "Add staff member";
    StaffRemove => "Hapus", "Remove";
    StaffAdded => "Staf ditambahkan.", "Staff member added.";
    StaffNameMissing => "Nama wajib diisi.", "The name is required.";
    StaffNameTooLong => "Nama terlalu panjang (paling banyak 60 huruf).", "The name is too long (60 characters at most).";
    StaffNameTaken => "Nama ini sudah dipakai staf lain di laptop ini.", "Another staff member on this laptop has this name.";
    StaffRoleUnknown => "Pilih peran dari paket prosedur kantor.", "Choose a role from the office's procedure pack.";
    StaffPinMalformed => "PIN harus 4 sampai 8 angka.", "The PIN must be 4 to 8 digits.";
    StaffPinMismatch => "Kedua PIN tidak sama.", "The two PINs differ.";
    StaffNoWork => "belum ada langkah di peran ini", "no step in this role yet";
    StaffFirstNotHead => "Staf pertama harus memegang peran kepala kantor (lihat petunjuk di atas).", "The first staff member must hold the office head's role (see the note above).";
    StaffNoHead => "Belum ada kepala kantor di daftar staf: tambahkan dulu sebelum menghapus staf.", "No office head is on the staff yet: add one before removing anyone.";
    StaffMemberUnknown => "Staf ini sudah tidak ada di daftar.", "This staff member is no longer on the list.";
    StaffNotConfirmed => "Tekan \"Ya, hapus\" untuk memastikan penghapusan.", "Press \"Yes, remove\" to confirm the removal.";
    StaffLastHead => "Kepala kantor terakhir tidak dapat dihapus: tambahkan dulu staf lain dengan peran kepala kantor, lalu hapus yang ini.", "The last office head cannot be removed: first add another member with the head's role, then remove this one.";
    StaffNotHead => "Hanya kepala kantor yang dapat menyetujui perubahan staf.", "Only the office head can authorise staff changes.";
    StaffHeadPinMissing => "Ketik PIN kepala kantor untuk menyetujui perubahan ini.", "Type the office head's PIN to authorise this change.";
    StaffHeadPinWrong => "PIN kepala kantor salah. Tidak ada yang diubah.", "The office head's PIN is wrong. Nothing was changed.";
    StaffFirstHead => "Staf pertama harus kepala kantor, dengan peran:", "The first staff member must be the office head, in the role:";
    StaffFirstHeadAny => "Staf pertama yang ditambahkan menjadi kepala kantor: PIN-nya diperlukan untuk setiap perubahan staf.", "The first staff member added becomes the office head: their PIN is needed for every staff change.";
    StaffHeadRule => "Menambah atau menghapus staf perlu PIN kepala kantor.", "Adding or removing staff needs the office head's PIN.";
    StaffHeadBadge => "kepala kantor", "office head";
    StaffAuthWho => "Disetujui oleh (kepala kantor)", "Authorised by (office head)";
    StaffAuthPin => "PIN kepala kantor", "Office head's PIN";
    StaffRemoveAsk => "Hapus staf ini?", "Remove this staff member?";
    StaffRemoveYes => "Ya, hapus", "Yes, remove";
    StaffRemoved => "Staf dihapus.", "Staff member removed.";
    StaffLogTitle => "Riwayat perubahan staf", "Staff change log";
    StaffLogNone => "Belum ada perubahan staf.", "No staff change yet.";
    StaffLogAdded => "Ditambahkan", "Added";
    StaffLogRemoved => "Dihapus", "Removed";
    StaffLogUpdated => "Pangkat/NIP diubah", "Rank/NIP changed";
    StaffDetails => "Ubah pangkat/NIP", "Change rank/NIP";
    StaffDetailsSave => "Simpan", "Save";
    StaffDetailsSaved => "Pangkat/NIP disimpan.", "Rank/NIP saved.";
    StaffLogBy => "disetujui oleh", "authorised by";
    StaffRank => "Pangkat/golongan (tidak wajib; dicetak di bawah nama pada surat yang ditandatangani)", "Rank (optional; printed under the name on letters signed)";
    StaffNip => "NIP (18 angka; wajib bagi penanda tangan surat)", "NIP (18 digits; needed to sign letters)";
    StaffRankTooLong => "Pangkat/golongan terlalu panjang.", "The rank is too long.";
    StaffNipMalformed => "NIP harus 18 angka: 8 angka tanggal lahir (TTTTBBHH), 6 angka TMT, 1 angka jenis kelamin (1 atau 2), 3 angka urut.", "A NIP is 18 digits: 8 for the date of birth (YYYYMMDD), 6 for the start of service, 1 for sex (1 or 2), 3 in sequence.";
    StaffLogAccepted => "Daftar staf yang tidak dapat dipastikan diterima dengan PIN Pandu; jumlah anggota", "A staff list that could not be verified was accepted with the Pandu PIN; members";
    StaffLogCleared => "Daftar staf yang tidak dapat dipastikan dikosongkan dengan PIN Pandu", "A staff list that could not be verified was cleared with the Pandu PIN";
    StaffLogUnverified => "Riwayat ini tidak dapat dipastikan: barisnya mungkin ditulis oleh halaman lain di situs yang sama.", "This log cannot be verified: its lines may have been written by another page of the same site.";
    StaffForgedTitle => "Daftar staf tidak dapat dipastikan", "The staff list cannot be verified";
    StaffForgedHelp => "Daftar staf di laptop ini tidak ditulis oleh Pandu dengan PIN Pandu di laptop ini: mungkin diubah oleh halaman lain di situs yang sama, atau kunci kantor dipulihkan dari cadangan. Sampai daftar ini diterima atau dikosongkan, tidak ada yang dapat masuk dan tidak ada langkah kantor yang dapat dikerjakan. Periksa setiap nama dan peran di bawah.", "The staff list on this laptop was not written by Pandu under this laptop's Pandu PIN: another page of the same site may have changed it, or the office keys were restored from a backup. Until this list is accepted or cleared, nobody can sign in and no office step can be done. Check every name and role below.";
    StaffForgedMissing => "Daftar staf hilang dari laptop ini.", "The staff list is missing from this laptop.";
    StaffSettlePin => "PIN Pandu (bukan PIN staf)", "Pandu PIN (not a staff PIN)";
    StaffAccept => "Terima daftar ini", "Accept this list";
    StaffClear => "Kosongkan daftar", "Clear the list";
    StaffSettled => "Daftar staf dipastikan.", "The staff list is verified.";
    InboxStaffForged => "Daftar staf tidak dapat dipastikan, jadi tidak ada yang dapat masuk. Periksa dan terima atau kosongkan daftarnya di", "The staff list cannot be verified, so nobody can sign in. Check it and accept or clear it in";
    VaultOfficeHelp => "Laptop kantor: masukkan PIN Pandu untuk membuka Pandu. Pandu memintanya lagi di setiap tab baru, setelah dimuat ulang, dan setelah 15 menit tidak dipakai. Setelah itu setiap staf masuk dengan PIN-nya sendiri di Kotak masuk; saat Pandu terkunci, staf yang sedang masuk dikeluarkan.", "Office laptop: enter the Pandu PIN to open Pandu. Pandu asks again in every new tab, after a reload, and after 15 minutes unused. Then each staff member signs in with their own PIN in the Inbox; when Pandu locks, whoever was signed in is signed out.";
    VaultLockNow => "Kunci layar", "Lock the screen";
    VaultLockHint => "Mengunci Pandu sampai PIN Pandu dimasukkan lagi; staf yang sedang masuk dikeluarkan.", "Locks Pandu until the Pandu PIN is entered again; whoever is signed in is signed out.";
    VaultForgotOffice => "Laptop kantor: tanpa cadangan kunci kantor, paket yang dikirim desa dengan kunci lama tidak dapat dibuka lagi. Pastikan file cadangan kunci Dinas ada sebelum menghapus.", "Office laptop: without the office key backup, bundles the villages sent to the old key cannot be opened again. Make sure the office key backup file is at hand before deleting.";
    SignInTitle => "Masuk sebagai staf", "Sign in as a staff member";
    SignInWho => "Siapa Anda?", "Who are you?";
    SignIn => "Masuk", "Sign in";
    ActSwitchUser => "Biarkan staf peran itu masuk lewat Kotak masuk > Ganti pengguna; jika belum ada staf dengan peran itu, tambahkan dulu di Pengaturan > Staf kantor.", "Let a member of that role sign in through Inbox > Switch user; if nobody holds that role yet, add them first in Settings > Office staff.";
    SignOut => "Ganti pengguna", "Switch user";
    SignInWrongPin => "PIN salah. Coba lagi.", "Wrong PIN. Try again.";
    SignedInAs => "Masuk sebagai", "Signed in as";
    InboxEmpty => "Tidak ada kasus yang menunggu di peran ini.", "No case waits in this role.";
    InboxNotOffice => "Kotak masuk dipakai di laptop Dinas Sosial (mode kantor, di Pengaturan).", "The inbox is for the district office's laptop (district office mode, in Settings).";
    InboxNoStaff => "Tambahkan staf kantor di Pengaturan lebih dulu.", "Add the office staff in Settings first.";
    InboxWaiting => "menunggu di peran ini, yang paling lama jatuh tempo di atas", "waiting in this role, the oldest due at the top";
    InboxShowing => "Ditampilkan", "Showing";
    InboxNoStandard => "Tanpa batas waktu", "No time standard";
    InboxLate => "Terlambat", "Late by";
    InboxLeft => "Sisa waktu", "Time left";
    ListsTitle => "Daftar per siklus", "Lists per cycle";
    RegisterTitle => "Buku register surat", "Letter register";
    RegisterHint => "Setiap surat yang diterbitkan kantor ini, menurut nomor urut per tahun; rekapnya sebagai CSV.", "Every letter this office issued, by its number in the year; the recap as CSV.";
    RegisterNone => "Belum ada surat yang diterbitkan.", "No letter issued yet.";
    RegisterYear => "Tahun", "Year";
    RegisterNumber => "Nomor surat", "Letter number";
    RegisterDate => "Tanggal", "Date";
    RegisterName => "Pemohon atau isi", "Applicant or contents";
    RegisterLetter => "Jenis surat", "Letter";
    RegisterDownload => "Unduh rekap (CSV)", "Download the recap (CSV)";
    ListsHint => "Kasus yang sampai di langkah daftar itu pada siklusnya, sebagai CSV untuk Excel atau LibreOffice (NIK tetap utuh).", "The cases that reached the list's step in its cycle, as CSV for Excel or LibreOffice (NIKs stay whole).";
    ListsCycle => "Siklus", "Cycle";
    ListsMake => "Unduh CSV", "Download CSV";
    ListsMade => "File dibuat", "File made";
    ListsMakeXlsx => "Unduh Excel (.xlsx)", "Download Excel (.xlsx)";
    ListsMakePlain => "Unduh CSV untuk aplikasi (NIK sebagai teks biasa)", "Download CSV for software (NIK as plain text)";
    ListsEmpty => "Tidak ada kasus di siklus ini: file hanya berisi judul kolom.", "No case in this cycle: the file holds only the column titles.";
    ListsNone => "Paket prosedur kantor tidak memuat daftar.", "The office's procedure pack defines no lists.";
    LettersTitle => "Surat", "Letters";
    LettersMake => "Buat surat", "Make the letter";
    LettersPrint => "Cetak", "Print";
    LetterheadTitle => "Kop surat", "Letterhead";
    LetterheadAddress => "Alamat kantor", "Office address";
    LetterheadHint => "Dicetak di bawah nama kantor pada surat dan lampiran keputusan, misalnya \"Jl. Jend. Sudirman No. 5, Karanganyar 57712, Telp. (0271) 495123\". Kosongkan untuk memakai alamat dari paket prosedur.", "Printed under the office's name on letters and decree attachments, e.g. \"Jl. Jend. Sudirman No. 5, Karanganyar 57712, Tel. (0271) 495123\". Leave empty to use the address from the procedure pack.";
    LetterheadSave => "Simpan alamat", "Save the address";
    LetterheadSaved => "Alamat kop surat tersimpan.", "Letterhead address saved.";
    EvPaper => "surat nomor", "letter number";
    BatchTitle => "Kerjakan beberapa kasus sekaligus", "Work several cases at once";
    BatchHint => "Centang kasus yang langkahnya sudah Anda kerjakan (misalnya memaraf atau menandatangani suratnya), lalu masukkan PIN Anda sekali. Setiap kasus dicatat atas nama Anda; kasus yang belum memenuhi syarat disebutkan dan tidak dicatat.", "Tick the cases whose step you have done (initialled or signed their letters, say), then enter your PIN once. Each case is recorded in your name; cases not ready are named and not recorded.";
    BatchPin => "PIN Anda", "Your PIN";
    BatchGo => "Selesaikan langkah kasus yang dicentang", "Finish the step of the ticked cases";
    BatchPick => "Pilih", "Select";
    BatchDone => "Langkah selesai", "Step finished";
    ActOutputs => "Hasil langkah ini belum lengkap atau belum benar; perbaiki lalu selesaikan langkahnya. Tidak ada yang dicatat:", "What this step produced is missing or not right; correct it, then finish the step. Nothing was recorded:";
    LettersAttachmentLine => "Lampiran", "Attachment";
    LettersAttachmentOne => "1 (satu) berkas", "1 (one) file";
    ActDecided => "Jawaban ini sudah dipilih di langkah sebelumnya:", "This was already chosen at an earlier step:";
    ActDecidedPick => "Pilih jawaban itu.", "Choose that answer.";
    OutputEmpty => "belum diisi", "not filled in";
    OutputNotDigits => "hanya angka", "digits only";
    OutputDigits => "angka", "digits";
    OutputTooLong => "paling banyak", "at most";
    OutputChars => "huruf", "characters";
    OutputHidden => "memuat karakter tersembunyi", "holds hidden characters";
    OutputNotAnOption => "pilih salah satu pilihan", "choose one of the options";
    OutputUnknown => "tidak dikenal langkah ini", "unknown to this step";
    OutputsTitle => "Hasil langkah ini", "What this step produced";
    OutputChoose => "Pilih\u{2026}", "Choose\u{2026}";
    ActPaperMissing => "Surat untuk langkah ini belum dibuat. Buat suratnya dulu di bagian Surat di halaman ini (surat kolektif: lewat \u{201c}Buka surat kolektif siklus ini\u{201d}), lalu selesaikan langkah ini. Tidak ada yang dicatat.", "The letter for this step has not been made. Make it first under Letters on this page (a collective letter: through \u{201c}Open this cycle's collective letter\u{201d}), then finish this step. Nothing was recorded.";
    CheckTitle => "Periksa QR surat", "Check a letter's QR code";
    CheckLink => "Periksa QR surat atau lampiran yang tercetak", "Check the QR code of a printed letter or attachment";
    CheckHint => "Baca kode QR di surat atau lampiran keputusan dengan aplikasi pemindai apa pun, lalu tempel teksnya di sini; atau foto kodenya. Pandu mencocokkannya dengan buku register dan catatan kantor ini.", "Read the QR code on a letter or decree attachment with any scanner app and paste its text here, or take a photo of it. Pandu compares it with this office's register and record.";
    CheckText => "Teks kode QR", "The QR code's text";
    CheckGo => "Periksa", "Check";
    CheckPhoto => "Foto kode QR", "Photograph the QR code";
    CheckGenuine => "COCOK: diterbitkan kantor ini:", "GENUINE: issued by this office:";
    CheckGenuineSame => "Isinya sama dengan yang tercatat.", "Its words are those on record.";
    CheckAltered => "TIDAK COCOK: nomor", "DOES NOT MATCH: number";
    CheckAlteredWhat => "ada di buku register, tetapi isi kertas ini berbeda dari yang diterbitkan (diubah, atau dicetak dari data yang sudah berubah). Jangan diterima; cetak ulang dari Pandu.", "is in the register, but this paper's words differ from what was issued (altered, or printed from data changed since). Do not accept it; print it again from Pandu.";
    CheckOther => "TIDAK COCOK: nomor", "DOES NOT MATCH: number";
    CheckOtherWhose => "di buku register ini milik surat lain, atas nama", "in this register belongs to another paper, for";
    CheckUnknown => "TIDAK DIKENAL: nomor ini tidak ada di buku register kantor ini. Surat dari kantor lain, atau nomor yang dibuat-buat.", "UNKNOWN: this number is not in this office's register. A paper from another office, or a made-up number.";
    CheckNotPandu => "Ini bukan kode QR surat atau lampiran dari Pandu.", "This is not the QR code of a Pandu letter or attachment.";
    CheckNoCamera => "Browser ini tidak dapat membaca kode QR dari foto. Baca kodenya dengan aplikasi pemindai, lalu tempel teksnya.", "This browser cannot read QR codes from a photo. Read the code with a scanner app and paste its text.";
    CheckNoCode => "Tidak ada kode QR yang terbaca di foto ini. Foto lebih dekat dan terang, atau tempel teksnya.", "No QR code could be read in this photo. Take it closer and brighter, or paste its text.";
    SignerNoHolder => "Belum ada staf kantor yang memegang peran penanda tangan:", "No office staff member holds the signing role:";
    SignerNoNip => "belum punya NIP di daftar staf, padahal NIP dicetak di bawah tanda tangan.", "has no NIP on the staff list, and the NIP is printed under the signature.";
    SignerAddHint => "Isi nama lengkap dan NIP penanda tangan di Pengaturan > Staf kantor. Tidak ada nomor yang dipakai.", "Enter the signer's full name and NIP in Settings > Office staff. No number was used.";
    LettersElsewhere => "Surat ini diterbitkan dan disimpan di Dinas Sosial, yang mencetaknya dengan tanda tangan; perangkat ini hanya mencatat nomornya:", "This letter was issued and is kept at the social affairs office, which prints it for signing; this device only records its number:";
    LettersOpen => "Buka untuk dicetak", "Open to print";
    LettersMissing => "Surat belum bisa dibuat; data pemohon yang belum diisi:", "The letter cannot be made yet; the applicant's record lacks:";
    LettersNumber => "Nomor", "Number";
    LettersSubject => "Perihal", "Subject";
    LettersQr => "Kode QR: ID kasus, nomor surat dan sidik isi surat", "QR code: case id, letter number and a fingerprint of the letter";
    LettersQrList => "Kode QR: nomor surat dan sidik isi surat beserta setiap baris lampirannya", "QR code: letter number and a fingerprint of the letter and every row of its attachment";
    LettersNotIssued => "Surat ini belum dibuat untuk kasus ini.", "This letter was not made for this case.";
    LettersBack => "Kembali ke kasus", "Back to the case";
    DecreeBack => "Kembali ke kotak masuk", "Back to the inbox";
    DecreeMissing => "Lampiran keputusan ini tidak ada di paket kabupaten kantor ini.", "This office's regency pack has no such decree attachment.";
    DecreeDraft => "Konsep: belum bernomor. Terbitkan nomor dari buku register untuk mencetaknya.", "Draft: not numbered yet. Issue a number from the register to print it.";
    DecreeChanged => "Daftar sudah berubah sejak lampiran ini diberi nomor; nomor itu berlaku untuk daftar lama. Terbitkan nomor baru untuk daftar sekarang.", "The list has changed since this attachment was numbered; that number stands for the old list. Issue a new number for the list as it is now.";
    DecreeIssue => "Terbitkan nomor", "Issue a number";
    DecreeOldSheet => "Lembar bernomor di bawah ini tetap seperti saat dinomori:", "The numbered sheet below stays as it was numbered:";
    DecreeNowList => "daftar sekarang", "the list now";
    DecreePrintOld => "Cetak ulang lembar lama", "Reprint the old sheet";
    DecreeUnprintable => "Lembar yang diberi nomor ini tidak tersimpan di perangkat ini (dinomori oleh Pandu versi lama) dan daftarnya sudah berubah. Terbitkan nomor baru untuk mencetak daftar sekarang.", "The sheet this number was given to is not kept on this device (an older Pandu numbered it) and the list has changed. Issue a new number to print the list as it is now.";
    DecreeEmpty => "Tidak ada kasus pada siklus ini; lampiran kosong tidak diberi nomor.", "No case in this cycle; an empty attachment gets no number.";
    DecreeBadFormat => "Format nomor register di paket tidak dapat dipakai.", "The pack's register number format cannot be used.";
    DecreeQr => "Kode QR: lampiran, siklus, nomor dan sidik isi daftar", "QR code: attachment, cycle, number and a fingerprint of the list";
    CycleLetterMissing => "Surat ini tidak ada di paket kabupaten kantor ini.", "This office's regency pack has no such letter.";
    CycleLetterHint => "Satu surat untuk semua usulan yang sudah diverifikasi pada siklus ini, per tujuan; daftarnya menjadi lampiran. Setelah surat diberi nomor, langkah berikutnya (meneliti, memaraf, menandatangani) bisa diselesaikan untuk setiap kasus di dalamnya.", "One letter for all proposals verified in this cycle, per destination, its list attached. Once the letter is numbered, the next steps (checking, initialling, signing) can be done for each case in it.";
    CycleLetterUndecided => "Kasus ini belum punya skema/tujuan (dipilih di langkah verifikasi), jadi belum masuk surat mana pun:", "These cases have no scheme/destination yet (chosen at verification), so they are on no letter:";
    CycleLetterWaiting => "Belum masuk surat", "Not on a letter yet";
    CycleLetterLate => "Surat untuk siklus ini sudah bernomor dan tidak diubah; usulan yang menyusul mendapat surat bernomor sendiri.", "This cycle's letter is numbered and stays as it is; proposals that came later get a numbered letter of their own.";
    CycleLetterMake => "Buat surat (nomor baru dari register)", "Make the letter (a new register number)";
    CycleLetterDraft => "Lihat draf surat dan lampirannya", "See the draft letter and its attachment";
    CycleLetterChanged => "Surat untuk tujuan ini baru saja diberi nomor di tab lain. Halaman dimuat ulang; periksa lagi sebelum membuat surat.", "A letter for this destination was just numbered in another tab. The page was reloaded; check again before making a letter.";
    CycleLetterOpen => "Surat kolektif", "Collective letter";
    CycleLetterCase => "Surat ini dibuat sekali untuk semua usulan satu siklus.", "This letter is made once for all proposals of a cycle.";
    CycleLetterGo => "Buka surat kolektif siklus ini", "Open this cycle's collective letter";
    AttachmentOf => "Lampiran surat nomor", "Attachment to letter number";
    PaperMissing => "Nomor ini tidak ada di buku register kantor ini.", "This number is not in this office's register.";
    PaperNotKept => "Surat bernomor ini tidak tersimpan utuh di perangkat ini, atau isinya tidak sama dengan yang tercatat di register; surat ini tidak dicetak.", "This numbered letter is not kept whole on this device, or it differs from what the register holds; it is not printed.";
    DecreeOpen => "Lampiran keputusan", "Decree attachment";
    LettersChecksum => "Sidik isi", "Fingerprint";
    ActSignIn => "Masuk sebagai staf di Kotak masuk untuk mengerjakan langkah ini.", "Sign in as a staff member in the Inbox to work this step.";
    ActWrongRole => "Langkah ini dikerjakan oleh", "This step is worked by";
    ActYouAre => "Anda masuk sebagai", "you are signed in as";
    ActDistrictStep => "Langkah ini dikerjakan di Dinas Sosial oleh", "This step is worked at the district office by";
    ActSendInstead => "Bagian desa selesai: kirim kasus ke Dinas Sosial.", "The village's part is done: send the case to the district office.";
    ActVillageStep => "Langkah ini milik desa; kantor hanya mencatatnya untuk pemohon yang datang langsung ke kantor. Menunggu", "This step is the village's; the office records it only for applicants who come to the office. Waiting on";
    ActSettled => "Kasus ini sudah dikembalikan, ditolak atau digabung: keluar dari antrean sampai desa mengirim perbaikan.", "This case was returned, rejected or merged: it is out of the lanes until its village sends a correction.";
    ActUnchecked => "Cek dulu dokumen ini (foto, atau tandai ada / tidak ada)", "Check these documents first (photo, or mark present / missing)";
    ActPhotoMissing => "SOP mewajibkan foto (\u{201c}Harus ada Berkas dan Dokumen/Foto\u{201d}); ditandai ada tanpa foto", "The SOP requires photos (\u{201c}Harus ada Berkas dan Dokumen/Foto\u{201d}); marked present without a photo";
    ActContradictsMissing => "ditandai tidak ada atau belum ada", "marked missing or not provided";
    ActContradictsNot => "jawaban", "the answer";
    ActContradictsFits => "tidak sesuai dengan berkas. Periksa dokumennya atau pilih jawaban lain.", "does not fit the dossier. Check the documents or choose another answer.";
    VillagePartDone => "Bagian desa selesai. Kirim ke Dinas Sosial.", "The village's part is done. Send it to the district office.";
    VillageWaitsOn => "Sekarang menunggu", "Now waiting on";
    DiscardDraft => "Buang draf ini", "Discard this draft";
    DiscardQuestion => "Buang draf ini?", "Discard this draft?";
    DiscardHint => "Draf hilang dari daftar kasus dan tidak ikut dikirim. Riwayatnya tetap disimpan, dan Anda bisa memulihkannya lewat saringan status \"Diarsipkan\".",
        "The draft leaves the case list and is never sent. Its history is kept, and you can restore it through the status filter \"Archived\".";
    DiscardYes => "Ya, buang draf", "Yes, discard it";
    DiscardedNote => "Draf ini sudah dibuang: tidak tampil di daftar kasus dan tidak ikut dikirim.", "This draft was discarded: it is not in the case list and is never sent.";
    RestoreDraft => "Pulihkan draf", "Restore the draft";
    SendForeign => "Kasus berikut memakai prosedur kabupaten/kota lain, bukan prosedur Dinas yang dipercayai perangkat ini, jadi tidak bisa dikirim ke sana. Buka kasus baru dengan prosedur Dinas Anda:",
        "These cases follow another regency's procedures than the trusted office's, so they cannot be sent there. Open a new case under your office's procedures:";
    SendUnfinished => "kasus belum siap dikirim (draf, atau dikembalikan dan belum diperbaiki): selesaikan bagian desa dulu.", "cases are not ready to send (drafts, or returned and not fixed yet): finish the village's part first.";
    VillageSentWaiting => "Sudah dikirim ke Dinas Sosial; menunggu diterima. Jika Anda mengubah kasus ini, kirim lagi.", "Sent to the district office; waiting for its receipt. If you change this case, send it again.";
    VillageReceivedWaiting => "Diterima Dinas Sosial; menunggu jawaban.", "Received by the district office; waiting for its answer.";
    InboxAnswerAgain => "Diperbaiki desa setelah dikembalikan: periksa lagi dan catat jawaban", "Fixed by the village after a return: check it again and record the answer";
    VillageSendAgain => "Kirim lagi ke Dinas", "Send to the district again";
    ReturnedFixTitle => "Dinas mengembalikan kasus ini", "The district returned this case";
    ReturnedFixHint => "Perbaiki yang diminta: betulkan data pemohon di bawah, foto ulang atau tandai dokumen, lalu kirim lagi. Kasusnya tetap sama dan riwayatnya tersimpan.",
        "Fix what was asked: correct the applicant's details below, photograph or mark the documents again, then send it again. It stays the same case, with its history.";
    ReturnedFixedTitle => "Sudah diperbaiki, siap dikirim ulang", "Fixed, ready to send again";
    ReturnedFixedHint => "Kirim lagi ke Dinas Sosial. Anda masih bisa memperbaiki sebelum mengirim.", "Send it to the district office again. You can still make corrections before sending.";
    ReturnedDocuments => "Dokumen kasus ini", "This case's documents";
    VillageSendNow => "Kirim ke Dinas", "Send to the district";
    DistrictStepReadOnly => "Langkah ini dikerjakan Dinas; di perangkat desa hanya bisa dilihat.", "This step is worked by the district office; on a village device it can only be viewed.";
    DossierTitle => "Berkas untuk Dinas Sosial", "Dossier for the district office";
    DossierHint => "Langkah pertama prosedur ini dikerjakan Dinas. Siapkan berkasnya: foto setiap dokumen, atau tandai tidak ada. Kasus siap dikirim setelah data pemohon lengkap dan semua dokumen dicek.", "This procedure's first step is the district's. Prepare the dossier: photograph each document, or mark it missing. The case is ready to send once the applicant's details are complete and every document is checked.";
    WaitingVillage => "Menunggu bagian desa", "Waiting on the village's part";
    BreachTitle => "Peringatan: riwayat ini memuat catatan Dinas yang dibuat oleh perangkat desa. Catatan itu tidak dapat dipercaya; kerjakan ulang langkahnya di kantor.", "Warning: this history holds district records made by a village device. They cannot be trusted; work those steps again at the office.";
    BreachMark => "tidak sah: dibuat oleh perangkat desa", "not valid: made by a village device";
    AttentionTitle => "Perlu tindakan Anda", "Waiting on you";
    AttentionReturned => "dikembalikan Dinas", "returned by the district";
    AttentionDrafts => "draf", "drafts";
    AttentionReady => "siap dikirim", "ready to send";
    AttentionNone => "Tidak ada kasus yang menunggu Anda.", "No case is waiting on you.";
    WindowClosed => "Jendela tanggal", "The window of days";
    WindowClosedNow => "sudah tutup; buka lagi", "has closed; it opens again on";
    WindowNotYet => "belum buka; buka", "is not open yet; it opens on";
    WindowOutside => "Jika dikerjakan sekarang, langkah ini dicatat di luar waktu baku.", "Done now, this step is recorded outside its time standard.";
    CutoffPassed => "Batas tanggal bulan ini sudah lewat; masuk siklus berikutnya.", "This month's cut-off has passed; it goes into the next cycle.";
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    let (id, en) = msg.texts();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The officer's words for a storage problem.
pub fn storage_problem(lang: Lang, problem: &StorageProblem) -> &'static str {
    let msg = match problem {
        StorageProblem::Unsupported => Msg::ProblemUnsupported,
        StorageProblem::Denied(_) => Msg::ProblemDenied,
        StorageProblem::QuotaExceeded => Msg::ProblemQuota,
        StorageProblem::VersionTooNew => Msg::ProblemVersionTooNew,
        StorageProblem::Blocked => Msg::ProblemBlocked,
        StorageProblem::Closed => Msg::ProblemClosed,
        StorageProblem::Corrupt(_) => Msg::ProblemCorrupt,
        StorageProblem::Other(_) => Msg::ProblemOther,
        StorageProblem::Locked => Msg::ProblemLocked,
    };
    t(lang, msg)
}

/// The officer's words for a profile problem.
pub fn profile_problem(lang: Lang, problem: ProfileProblem) -> &'static str {
    let msg = match problem {
        ProfileProblem::DeviceNameMissing => Msg::ProfileDeviceNameMissing,
        ProfileProblem::DeviceNameTooLong => Msg::ProfileDeviceNameTooLong,
        ProfileProblem::OfficerNameMissing => Msg::ProfileOfficerNameMissing,
        ProfileProblem::OfficerNameTooLong => Msg::ProfileOfficerNameTooLong,
        ProfileProblem::VillageCodeMalformed => Msg::ProfileVillageCodeMalformed,
        ProfileProblem::VillageCodeUnknown => Msg::ProfileVillageCodeUnknown,
    };
    t(lang, msg)
}

/// The officer's words for a problem with a staff change.
pub fn staff_problem(lang: Lang, problem: StaffProblem) -> &'static str {
    let msg = match problem {
        StaffProblem::NameMissing => Msg::StaffNameMissing,
        StaffProblem::NameTooLong => Msg::StaffNameTooLong,
        StaffProblem::NameTaken => Msg::StaffNameTaken,
        StaffProblem::RoleUnknown => Msg::StaffRoleUnknown,
        StaffProblem::PinMalformed => Msg::StaffPinMalformed,
        StaffProblem::PinMismatch => Msg::StaffPinMismatch,
        StaffProblem::RankTooLong => Msg::StaffRankTooLong,
        StaffProblem::NipMalformed => Msg::StaffNipMalformed,
        StaffProblem::FirstNotHead => Msg::StaffFirstNotHead,
        StaffProblem::NoHead => Msg::StaffNoHead,
        StaffProblem::MemberUnknown => Msg::StaffMemberUnknown,
        StaffProblem::NotConfirmed => Msg::StaffNotConfirmed,
        StaffProblem::LastHead => Msg::StaffLastHead,
        StaffProblem::NotHead => Msg::StaffNotHead,
        StaffProblem::HeadPinMissing => Msg::StaffHeadPinMissing,
        StaffProblem::HeadPinWrong => Msg::StaffHeadPinWrong,
        StaffProblem::PinWait => Msg::PinWait,
    };
    t(lang, msg)
}

/// Why a paper cannot be signed, and what to do; `role` names a role.
pub fn signer_problem(lang: Lang, p: &SignerProblem, role: &dyn Fn(&str) -> String) -> String {
    match p {
        SignerProblem::NoHolder { role: r } => format!(
            "{} {}. {}",
            t(lang, Msg::SignerNoHolder),
            role(r),
            t(lang, Msg::SignerAddHint)
        ),
        SignerProblem::NoNip { name } => format!(
            "{name} {} {}",
            t(lang, Msg::SignerNoNip),
            t(lang, Msg::SignerAddHint)
        ),
    }
}

/// A line of the staff log, after its date and time: "Ditambahkan: Bu
/// Rina (Kabid), disetujui oleh Bu Kadis". `role` is the role's name.
pub fn staff_log_line(lang: Lang, action: StaffAction, name: &str, role: &str, by: &str) -> String {
    let what = match action {
        StaffAction::Added => Msg::StaffLogAdded,
        StaffAction::Removed => Msg::StaffLogRemoved,
        StaffAction::Updated => Msg::StaffLogUpdated,
        // `name` holds how many members the accepted list had.
        StaffAction::Accepted => return format!("{}: {name}", t(lang, Msg::StaffLogAccepted)),
        StaffAction::Cleared => return t(lang, Msg::StaffLogCleared).to_string(),
    };
    format!(
        "{}: {name} ({role}), {} {by}",
        t(lang, what),
        t(lang, Msg::StaffLogBy)
    )
}

/// How an inbox row stands: "Terlambat 2 hari 3 jam", "Sisa waktu 45 menit".
pub fn lateness(lang: Lang, l: Lateness) -> String {
    match l {
        Lateness::NoStandard => t(lang, Msg::InboxNoStandard).to_string(),
        Lateness::Late { by } => format!("{} {}", t(lang, Msg::InboxLate), span(lang, by)),
        Lateness::OnTime { left } => format!("{} {}", t(lang, Msg::InboxLeft), span(lang, left)),
    }
}

/// "Langkah ini dikerjakan oleh Kabid; Anda masuk sebagai Operator."
pub fn wrong_role(lang: Lang, expected: &str, acting: &str) -> String {
    format!(
        "{} {expected}; {} {acting}. {}",
        t(lang, Msg::ActWrongRole),
        t(lang, Msg::ActYouAre),
        t(lang, Msg::ActSwitchUser)
    )
}

/// Why an action was refused, in the officer's words; `role` and `doc`
/// name a role and a document in the pack's words, `answer` a decision's
/// answer.
pub fn act_refused(
    lang: Lang,
    err: &ActError,
    role: &dyn Fn(&str) -> String,
    doc: &dyn Fn(&str) -> String,
    answer: &dyn Fn(&str) -> String,
    output: &dyn Fn(&str) -> String,
) -> String {
    let docs = |ds: &[String]| ds.iter().map(|d| doc(d)).collect::<Vec<_>>().join(", ");
    match err {
        ActError::WrongRole { expected, acting } => {
            wrong_role(lang, &role(expected), &role(acting))
        }
        ActError::OtherSide {
            role: r,
            side: Side::District,
        } => format!(
            "{} {}. {}",
            t(lang, Msg::ActDistrictStep),
            role(r),
            t(lang, Msg::ActSendInstead)
        ),
        ActError::OtherSide {
            role: r,
            side: Side::Village,
        } => format!("{} {}.", t(lang, Msg::ActVillageStep), role(r)),
        ActError::SignIn => t(lang, Msg::ActSignIn).to_string(),
        ActError::Settled => t(lang, Msg::ActSettled).to_string(),
        ActError::Applicant => t(lang, Msg::CaseFixApplicant).to_string(),
        ActError::Unchecked(ds) => format!("{}: {}.", t(lang, Msg::ActUnchecked), docs(ds)),
        ActError::PhotoMissing(ds) => format!("{}: {}.", t(lang, Msg::ActPhotoMissing), docs(ds)),
        ActError::Contradicts { answer: a, missing } => format!(
            "{} {}: {} \u{ab}{}\u{bb} {}",
            docs(missing),
            t(lang, Msg::ActContradictsMissing),
            t(lang, Msg::ActContradictsNot),
            answer(a),
            t(lang, Msg::ActContradictsFits)
        ),
        ActError::AnswerFirst => t(lang, Msg::ActAnswerFirst).to_string(),
        ActError::PaperMissing(_) => t(lang, Msg::ActPaperMissing).to_string(),
        ActError::Outputs(problems) => format!(
            "{} {}.",
            t(lang, Msg::ActOutputs),
            problems
                .iter()
                .map(|(id, p)| format!("{} ({})", output(id), output_problem(lang, p)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ActError::Decided { answer: a } => format!(
            "{} \u{ab}{}\u{bb}. {}",
            t(lang, Msg::ActDecided),
            answer(a),
            t(lang, Msg::ActDecidedPick)
        ),
        ActError::Move(_) => t(lang, Msg::CaseConflict).to_string(),
    }
}

/// What is wrong with a step's output value, in words.
pub fn output_problem(lang: Lang, p: &OutputProblem) -> String {
    match p {
        OutputProblem::Empty => t(lang, Msg::OutputEmpty).to_string(),
        OutputProblem::NotDigits => t(lang, Msg::OutputNotDigits).to_string(),
        OutputProblem::Length { min, max } if min == max => {
            format!("{min} {}", t(lang, Msg::OutputDigits))
        }
        OutputProblem::Length { min, max } => {
            format!("{min}\u{2013}{max} {}", t(lang, Msg::OutputDigits))
        }
        OutputProblem::TooLong { max } => format!(
            "{} {max} {}",
            t(lang, Msg::OutputTooLong),
            t(lang, Msg::OutputChars)
        ),
        OutputProblem::Hidden => t(lang, Msg::OutputHidden).to_string(),
        OutputProblem::NotAnOption => t(lang, Msg::OutputNotAnOption).to_string(),
        OutputProblem::Unknown => t(lang, Msg::OutputUnknown).to_string(),
    }
}

/// Why the district's answer cannot be recorded now.
pub fn answer_refused(
    lang: Lang,
    e: &AnswerRefusal,
    role: &dyn Fn(&str) -> String,
    node: &dyn Fn(&str) -> String,
) -> String {
    let list = |xs: &[String], f: &dyn Fn(&str) -> String| {
        xs.iter().map(|x| f(x)).collect::<Vec<_>>().join(", ")
    };
    match e {
        AnswerRefusal::NotOffice => String::new(),
        AnswerRefusal::SignIn => t(lang, Msg::AnswerSignIn).to_string(),
        AnswerRefusal::WrongRole { allowed, acting } => format!(
            "{} {}; {} {}.",
            t(lang, Msg::AnswerByRoles),
            list(allowed, role),
            t(lang, Msg::ActYouAre),
            role(acting)
        ),
        AnswerRefusal::NotYet { at } if at.is_empty() => t(lang, Msg::AnswerAtEnd).to_string(),
        AnswerRefusal::NotYet { at } => format!(
            "{} \u{ab}{}\u{bb} {}.",
            t(lang, Msg::AnswerNotYet),
            list(at, node),
            t(lang, Msg::AnswerOrEnd)
        ),
        AnswerRefusal::NotOffered => t(lang, Msg::AnswerNotOffered).to_string(),
        AnswerRefusal::Settled => t(lang, Msg::ActSettled).to_string(),
    }
}

/// The name of a regency's time zone: WIB, WITA, WIT (else UTC+h).
pub fn zone_name(offset_minutes: i32) -> String {
    match offset_minutes {
        420 => "WIB".to_string(),
        480 => "WITA".to_string(),
        540 => "WIT".to_string(),
        m if m % 60 == 0 => format!("UTC{:+}", m / 60),
        m => format!("UTC{:+}:{:02}", m / 60, (m % 60).abs()),
    }
}

/// "7 langkah" / "7 steps".
pub fn step_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} langkah"),
        (Lang::En, 1) => "1 step".to_string(),
        (Lang::En, n) => format!("{n} steps"),
    }
}

/// "3 kasus" / "3 cases".
pub fn case_count(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} kasus"),
        (Lang::En, 1) => "1 case".to_string(),
        (Lang::En, n) => format!("{n} cases"),
    }
}

/// Bytes in the largest fitting unit with one decimal, using the language's
/// decimal separator: "1,5 MB" in Indonesian, "1.5 MB" in English.
pub fn format_bytes(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = if unit == 0 {
        format!("{bytes}")
    } else {
        format!("{value:.1}")
    };
    let text = match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    };
    format!("{text} {}", UNITS[unit])
}

/// "1,5 MB dari 2,0 GB terpakai (0,1%)" / "1.5 MB of 2.0 GB used (0.1%)".
pub fn storage_usage(lang: Lang, usage: u64, quota: u64) -> String {
    let pct = if quota > 0 {
        usage as f64 * 100.0 / quota as f64
    } else {
        0.0
    };
    let pct = format!("{pct:.1}");
    let (used, total) = (format_bytes(lang, usage), format_bytes(lang, quota));
    match lang {
        Lang::Id => format!("{used} dari {total} terpakai ({}%)", pct.replace('.', ",")),
        Lang::En => format!("{used} of {total} used ({pct}%)"),
    }
}

/// A time standard as the SOP table would write it.
pub fn time_standard(lang: Lang, time: &TimeStandard) -> String {
    let en = lang == Lang::En;
    match *time {
        TimeStandard::Duration { amount, max, unit } => {
            let n = max.unwrap_or(amount);
            let word = match (unit, en) {
                (TimeUnit::Minutes, false) => "menit",
                (TimeUnit::Hours, false) => "jam",
                (TimeUnit::Days, false) => "hari",
                (TimeUnit::Months, false) => "bulan",
                (TimeUnit::Minutes, true) => {
                    if n == 1 {
                        "minute"
                    } else {
                        "minutes"
                    }
                }
                (TimeUnit::Hours, true) => {
                    if n == 1 {
                        "hour"
                    } else {
                        "hours"
                    }
                }
                (TimeUnit::Days, true) => {
                    if n == 1 {
                        "day"
                    } else {
                        "days"
                    }
                }
                (TimeUnit::Months, true) => {
                    if n == 1 {
                        "month"
                    } else {
                        "months"
                    }
                }
            };
            match max {
                Some(max) if max != amount => format!("{amount}\u{2013}{max} {word}"),
                _ => format!("{amount} {word}"),
            }
        }
        TimeStandard::MonthWindow { from_day, to_day } if en => {
            format!("Day {from_day}\u{2013}{to_day} of each month")
        }
        TimeStandard::MonthWindow { from_day, to_day } => {
            format!("Tanggal {from_day}\u{2013}{to_day} setiap bulan")
        }
        TimeStandard::MonthlyCutoff { day } if en => {
            format!("By day {day} of the month; effective the 1st of the next month")
        }
        TimeStandard::MonthlyCutoff { day } => {
            format!("Paling lambat tanggal {day}; berlaku tanggal 1 bulan berikutnya")
        }
        TimeStandard::SameDay if en => "Same day".to_string(),
        TimeStandard::SameDay => "Hari yang sama".to_string(),
    }
}

/// Where a case stands, in words.
pub fn case_status(lang: Lang, status: CaseStatus) -> &'static str {
    match (status, lang) {
        (CaseStatus::Draft, Lang::Id) => "Draf",
        (CaseStatus::Draft, Lang::En) => "Draft",
        (CaseStatus::Finished, Lang::Id) => "Selesai, siap dikirim",
        (CaseStatus::Finished, Lang::En) => "Finished, ready to send",
        (CaseStatus::Sent, Lang::Id) => "Terkirim",
        (CaseStatus::Sent, Lang::En) => "Sent",
        (CaseStatus::Acknowledged, Lang::Id) => "Diterima Dinas",
        (CaseStatus::Acknowledged, Lang::En) => "Received by the district",
        (CaseStatus::Returned, Lang::Id) => "Dikembalikan Dinas",
        (CaseStatus::Returned, Lang::En) => "Returned by the district",
        (CaseStatus::Archived, Lang::Id) => "Diarsipkan",
        (CaseStatus::Archived, Lang::En) => "Archived",
    }
}

/// Where a case stands, in the officer's words (the list's and the case
/// page's badge).
pub fn standing(lang: Lang, s: Standing) -> &'static str {
    let id = lang == Lang::Id;
    match s {
        Standing::Draft => {
            if id {
                "Draf"
            } else {
                "Draft"
            }
        }
        Standing::Discarded => {
            if id {
                "Draf dibuang"
            } else {
                "Discarded draft"
            }
        }
        Standing::Ready => {
            if id {
                "Siap dikirim"
            } else {
                "Ready to send"
            }
        }
        Standing::Resend => {
            if id {
                "Sudah diperbaiki, siap dikirim ulang"
            } else {
                "Fixed, ready to send again"
            }
        }
        Standing::Sent => {
            if id {
                "Terkirim, menunggu Dinas"
            } else {
                "Sent, waiting for the district"
            }
        }
        Standing::Received => {
            if id {
                "Diterima Dinas"
            } else {
                "Received by the district"
            }
        }
        Standing::Answered(FeedbackState::Proposed) => {
            if id {
                "Diusulkan"
            } else {
                "Proposed"
            }
        }
        Standing::Answered(FeedbackState::Accepted) => {
            if id {
                "Disetujui"
            } else {
                "Approved"
            }
        }
        Standing::Answered(FeedbackState::Rejected) => {
            if id {
                "Ditolak"
            } else {
                "Rejected"
            }
        }
        Standing::Answered(FeedbackState::Returned) => {
            if id {
                "Dikembalikan: perlu diperbaiki"
            } else {
                "Returned: needs fixing"
            }
        }
        Standing::Answered(FeedbackState::Received) => {
            if id {
                "Diterima Dinas"
            } else {
                "Received by the district"
            }
        }
        Standing::Archived => {
            if id {
                "Diarsipkan"
            } else {
                "Archived"
            }
        }
    }
}

/// The district's answer, in words.
pub fn feedback_state(lang: Lang, state: FeedbackState) -> &'static str {
    match (state, lang) {
        (FeedbackState::Received, Lang::Id) => "Diterima di Dinas",
        (FeedbackState::Received, Lang::En) => "Received at the district",
        (FeedbackState::Proposed, Lang::Id) => "Diusulkan di SIKS-NG",
        (FeedbackState::Proposed, Lang::En) => "Proposed in SIKS-NG",
        (FeedbackState::Accepted, Lang::Id) => "Disetujui",
        (FeedbackState::Accepted, Lang::En) => "Accepted",
        (FeedbackState::Rejected, Lang::Id) => "Ditolak",
        (FeedbackState::Rejected, Lang::En) => "Rejected",
        (FeedbackState::Returned, Lang::Id) => "Dikembalikan ke desa",
        (FeedbackState::Returned, Lang::En) => "Returned to the village",
    }
}

/// Why a bundle was refused, and what to do.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let msg = match r {
        Refusal::TooLarge { .. } => Msg::RfTooLarge,
        Refusal::NotABundle => Msg::RfNotABundle,
        Refusal::NotForThisDevice => Msg::RfNotForThisDevice,
        Refusal::Damaged => Msg::RfDamaged,
        Refusal::TrailingData => Msg::RfTrailingData,
        Refusal::WrongType(_) => Msg::RfWrongType,
        Refusal::Malformed(_) => Msg::RfMalformed,
        Refusal::BadSignature => Msg::RfBadSignature,
        Refusal::WrongRecipient { .. } => Msg::RfWrongRecipient,
        Refusal::WrongKind(_) => Msg::RfWrongKind,
        Refusal::Revoked { .. } => Msg::RfRevoked,
        Refusal::Replay { .. } => Msg::RfReplay,
        Refusal::Attachment { .. } => Msg::RfAttachment,
        Refusal::AttachmentTooLarge { .. } => Msg::RfAttachmentTooLarge,
        Refusal::Inconsistent(_) => Msg::RfInconsistent,
        Refusal::BrokenHistory(_) => Msg::RfBrokenHistory,
        Refusal::TooManyCases { count } => {
            return format!(
                "{} ({count}; {} {}). {}",
                t(lang, Msg::RfTooManyCases),
                t(lang, Msg::RfAtMost),
                crate::bundle::seal::MAX_CASES,
                t(lang, Msg::RfNothingImported)
            )
        }
        Refusal::TooManyEvents { count, .. } => {
            return format!(
                "{} ({count}; {} {}). {}",
                t(lang, Msg::RfTooManyEvents),
                t(lang, Msg::RfAtMost),
                crate::bundle::seal::MAX_EVENTS_PER_CASE,
                t(lang, Msg::RfNothingImported)
            )
        }
        Refusal::Text { field, problem } => {
            let why = match problem {
                TextProblem::TooLong { max } => format!(
                    "{} {max} {}",
                    t(lang, Msg::TextTooLong),
                    t(lang, Msg::TextChars)
                ),
                TextProblem::Hidden => t(lang, Msg::RfHiddenText).to_string(),
            };
            return format!(
                "{} \u{ab}{field}\u{bb}: {why}. {}",
                t(lang, Msg::RfText),
                t(lang, Msg::RfNothingImported)
            );
        }
    };
    t(lang, msg).to_string()
}

/// Why a hand-over did not happen.
pub fn exchange_problem(lang: Lang, p: &ExchangeProblem) -> String {
    match p {
        ExchangeProblem::Refused(r) => refusal(lang, r).to_string(),
        ExchangeProblem::Storage(s) => storage_problem(lang, s).to_string(),
        ExchangeProblem::Quarantined { .. } => t(lang, Msg::RecvQuarantined).to_string(),
        ExchangeProblem::UnknownProcedure {
            pack,
            version,
            procedure,
        } => format!(
            "{} \u{ab}{pack}/{procedure}\u{bb} {} {version}. {}",
            t(lang, Msg::ExUnknownProcedure),
            t(lang, Msg::ExVersion),
            t(lang, Msg::ExUnknownProcedureFix)
        ),
        ExchangeProblem::ForeignPack {
            case,
            applicant,
            pack,
            office,
        } => {
            let who = case_who(case, applicant);
            format!(
                "{} {who} {} {pack}, {} {office}. {}",
                t(lang, Msg::ExForeignPack),
                t(lang, Msg::ExForeignPackUses),
                t(lang, Msg::ExForeignPackOffice),
                t(lang, Msg::ExForeignPackFix)
            )
        }
        ExchangeProblem::OutOfLane {
            case,
            applicant,
            step,
            role,
        } => {
            let en = lang == Lang::En;
            let who = case_who(case, applicant);
            let what = match (step, role) {
                (Some(s), Some(r)) => format!(" \u{ab}{}\u{bb} ({})", s.get(en), r.get(en)),
                (Some(s), None) => format!(" \u{ab}{}\u{bb}", s.get(en)),
                _ => String::new(),
            };
            format!(
                "{} {who}: {}{what}. {}",
                t(lang, Msg::ExOutOfLaneCase),
                t(lang, Msg::ExOutOfLane),
                t(lang, Msg::ExNothingImported)
            )
        }
        other => t(
            lang,
            match other {
                ExchangeProblem::NoDistrict => Msg::ExNoDistrict,
                ExchangeProblem::NotOffice => Msg::ExNotOffice,
                ExchangeProblem::NotFromDistrict => Msg::ExNotFromDistrict,
                ExchangeProblem::NothingToSend => Msg::ExNothingToSend,
                ExchangeProblem::NoProfile => Msg::KeysNeedProfile,
                ExchangeProblem::WrongPassphrase => Msg::ExWrongPassphrase,
                ExchangeProblem::WeakPassphrase => Msg::ExWeakPassphrase,
                _ => Msg::ExNotABackup,
            },
        )
        .to_string(),
    }
}

/// A case as an import refusal names it: "Siti Aminah (c1a2…)", or its id.
fn case_who(case: &str, applicant: &str) -> String {
    if applicant.trim().is_empty() {
        case.to_string()
    } else {
        format!("{applicant} ({case})")
    }
}

/// A warning about an imported bundle.
pub fn import_warning(lang: Lang, w: &Warning) -> String {
    match w {
        Warning::Gap { from, to } if from == to => format!("{} {from}.", t(lang, Msg::WarnGap)),
        Warning::Gap { from, to } => format!("{} {from}\u{2013}{to}.", t(lang, Msg::WarnGap)),
        Warning::ChainBroken => t(lang, Msg::WarnChainBroken).to_string(),
    }
}

/// What became of a case, in words.
pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    match (outcome, lang) {
        (Outcome::Served, Lang::Id) => "Terlayani",
        (Outcome::Served, Lang::En) => "Served",
        (Outcome::Proposed, Lang::Id) => "Diusulkan",
        (Outcome::Proposed, Lang::En) => "Proposed",
        (Outcome::Recommended, Lang::Id) => "Direkomendasikan",
        (Outcome::Recommended, Lang::En) => "Recommended",
        (Outcome::Returned, Lang::Id) => "Dikembalikan",
        (Outcome::Returned, Lang::En) => "Returned",
        (Outcome::Refused, Lang::Id) => "Ditolak",
        (Outcome::Refused, Lang::En) => "Refused",
        (Outcome::Completed, Lang::Id) => "Selesai",
        (Outcome::Completed, Lang::En) => "Completed",
    }
}

/// One problem of a broken pack, saying where, for the regency's admin.
pub fn pack_problem(lang: Lang, problem: &PackProblem) -> String {
    use PackProblem::*;
    let id = lang == Lang::Id;
    let at = |p: &str, n: &str| {
        if id {
            format!("Prosedur \u{ab}{p}\u{bb}, simpul \u{ab}{n}\u{bb}: ")
        } else {
            format!("Procedure \u{ab}{p}\u{bb}, node \u{ab}{n}\u{bb}: ")
        }
    };
    let inp = |p: &str| {
        if id {
            format!("Prosedur \u{ab}{p}\u{bb}: ")
        } else {
            format!("Procedure \u{ab}{p}\u{bb}: ")
        }
    };
    match problem {
        Malformed {
            line,
            column,
            message,
        } if id => format!("Baris {line}, kolom {column}: berkas tidak bisa dibaca ({message})."),
        Malformed {
            line,
            column,
            message,
        } => format!("Line {line}, column {column}: the file cannot be read ({message})."),
        HiddenText { at } if id => format!(
            "Teks di \u{ab}{at}\u{bb} berisi karakter tersembunyi yang membalik atau mengubah arah tulisan."
        ),
        HiddenText { at } => format!(
            "The text at \u{ab}{at}\u{bb} holds hidden characters that reverse or change the text direction."
        ),
        NoProcedures if id => "Paket tidak berisi prosedur.".into(),
        NoProcedures => "The pack holds no procedure.".into(),
        DuplicateProcedure { procedure } if id => {
            format!("Id prosedur \u{ab}{procedure}\u{bb} dipakai lebih dari sekali.")
        }
        DuplicateProcedure { procedure } => {
            format!("Procedure id \u{ab}{procedure}\u{bb} is used more than once.")
        }
        DuplicateRole { procedure, role } if id => format!(
            "{}peran \u{ab}{role}\u{bb} ditulis lebih dari sekali.",
            inp(procedure)
        ),
        DuplicateRole { procedure, role } => format!(
            "{}role \u{ab}{role}\u{bb} is listed more than once.",
            inp(procedure)
        ),
        BadRegisterFormat if id => "Surat perlu \u{ab}register_format\u{bb} dengan {seq} dan nama yang dikenal (seq, month, month_roman, year).".to_string(),
        BadRegisterFormat => "Letters need a \u{ab}register_format\u{bb} with {seq} and known names (seq, month, month_roman, year).".to_string(),
        BadLetter { letter, fault } => {
            let what = match (fault, id) {
                (LetterFault::Duplicate, true) => "id dipakai lebih dari sekali".to_string(),
                (LetterFault::Duplicate, false) => "the id is used more than once".to_string(),
                (LetterFault::UnknownProcedure(p), true) => format!("prosedur \u{ab}{p}\u{bb} tidak ada"),
                (LetterFault::UnknownProcedure(p), false) => format!("there is no procedure \u{ab}{p}\u{bb}"),
                (LetterFault::UnknownNode(n), true) => format!("langkah \u{ab}{n}\u{bb} tidak ada di prosedurnya"),
                (LetterFault::UnknownNode(n), false) => format!("its procedure has no node \u{ab}{n}\u{bb}"),
                (LetterFault::UnknownPlaceholder(n), true) => format!("isian \u{ab}{{{n}}}\u{bb} tidak dikenal"),
                (LetterFault::UnknownPlaceholder(n), false) => format!("\u{ab}{{{n}}}\u{bb} names nothing a letter can be filled with"),
                (LetterFault::NotAFact, true) => "data pemohon yang dicantumkan hanya boleh isian pemohon".to_string(),
                (LetterFault::NotAFact, false) => "its facts may only be the applicant's fields".to_string(),
                (LetterFault::UnknownSignerRole(r), true) => format!("penanda tangan \u{ab}{r}\u{bb} bukan peran kantor di paket ini"),
                (LetterFault::UnknownSignerRole(r), false) => format!("the signer \u{ab}{r}\u{bb} is no office role of this pack"),
                (LetterFault::NoSuchPaper(n), true) => format!("langkah \u{ab}{n}\u{bb} mengerjakan surat ini, tetapi prosedurnya tidak punya surat itu"),
                (LetterFault::NoSuchPaper(n), false) => format!("step \u{ab}{n}\u{bb} works on this letter, but its procedure has no such letter"),
                (LetterFault::BadCycle, true) => "surat per siklus perlu kolom lampiran dan tidak memuat data satu pemohon".to_string(),
                (LetterFault::BadCycle, false) => "a cycle letter needs attachment columns and lists no one applicant's facts".to_string(),
                (LetterFault::BadDestination(o), true) => format!("tujuan surat harus pilihan \u{ab}{o}\u{bb} dari langkah prosedurnya, dengan alamat untuk setiap pilihan"),
                (LetterFault::BadDestination(o), false) => format!("its destination must be the choice \u{ab}{o}\u{bb} of a step of its procedure, with an addressee for every option"),
            };
            if id {
                format!("Surat \u{ab}{letter}\u{bb}: {what}.")
            } else {
                format!("Letter \u{ab}{letter}\u{bb}: {what}.")
            }
        }
        BadDecree { decree, fault } => {
            let what = match (fault, id) {
                (DecreeFault::Duplicate, true) => "id dipakai lebih dari sekali".to_string(),
                (DecreeFault::Duplicate, false) => "the id is used more than once".to_string(),
                (DecreeFault::UnknownList(l), true) => format!("daftar \u{ab}{l}\u{bb} tidak ada"),
                (DecreeFault::UnknownList(l), false) => format!("there is no list \u{ab}{l}\u{bb}"),
                (DecreeFault::UnknownPlaceholder(n), true) => format!("isian \u{ab}{{{n}}}\u{bb} tidak dikenal"),
                (DecreeFault::UnknownPlaceholder(n), false) => format!("\u{ab}{{{n}}}\u{bb} names nothing a decree can be filled with"),
                (DecreeFault::BadColumns, true) => "kolomnya harus isian pemohon, paling sedikit satu".to_string(),
                (DecreeFault::BadColumns, false) => "its columns must be the applicant's fields, at least one".to_string(),
                (DecreeFault::UnknownSignerRole(r), true) => format!("penanda tangan \u{ab}{r}\u{bb} bukan peran kantor di paket ini"),
                (DecreeFault::UnknownSignerRole(r), false) => format!("the signer \u{ab}{r}\u{bb} is no office role of this pack"),
            };
            if id {
                format!("Lampiran keputusan \u{ab}{decree}\u{bb}: {what}.")
            } else {
                format!("Decree attachment \u{ab}{decree}\u{bb}: {what}.")
            }
        }
        BadList { list, fault } => {
            let what = match (fault, id) {
                (ListFault::Duplicate, true) => "id dipakai lebih dari sekali".to_string(),
                (ListFault::Duplicate, false) => "the id is used more than once".to_string(),
                (ListFault::UnknownProcedure(p), true) => format!("prosedur \u{ab}{p}\u{bb} tidak ada"),
                (ListFault::UnknownProcedure(p), false) => format!("there is no procedure \u{ab}{p}\u{bb}"),
                (ListFault::UnknownNode(n), true) => format!("langkah \u{ab}{n}\u{bb} tidak ada di prosedurnya"),
                (ListFault::UnknownNode(n), false) => format!("its procedure has no node \u{ab}{n}\u{bb}"),
                (ListFault::CutoffOutOfMonth, true) => "tanggal batas harus 1 sampai 31".to_string(),
                (ListFault::CutoffOutOfMonth, false) => "the cut-off day must be 1 to 31".to_string(),
                (ListFault::NoColumns, true) => "tidak ada kolom".to_string(),
                (ListFault::NoColumns, false) => "it has no columns".to_string(),
            };
            if id {
                format!("Daftar \u{ab}{list}\u{bb}: {what}.")
            } else {
                format!("List \u{ab}{list}\u{bb}: {what}.")
            }
        }
        BadOutput {
            procedure,
            node,
            output,
            fault,
        } => {
            use crate::domain::pack_check::OutputFault;
            let what = match (fault, id) {
                (OutputFault::BadId, true) => "id-nya dipakai dua kali, memakai huruf selain a-z, 0-9 dan _, atau sama dengan isian pemohon",
                (OutputFault::BadId, false) => "its id is used twice, has characters other than a-z, 0-9 and _, or is an applicant field's code",
                (OutputFault::BadFormat, true) => "formatnya tidak bisa dipenuhi (jumlah angka atau huruf, atau pilihannya)",
                (OutputFault::BadFormat, false) => "its format cannot be met (the number of digits or characters, or its options)",
                (OutputFault::NotTheAnswers, true) => "bukan hasil pilihan yang pilihannya sama dengan jawaban keputusan ini",
                (OutputFault::NotTheAnswers, false) => "is no choice output whose options are this decision's answers",
            };
            if id {
                format!("{}hasil langkah \u{ab}{output}\u{bb}: {what}.", at(procedure, node))
            } else {
                format!("{}step output \u{ab}{output}\u{bb}: {what}.", at(procedure, node))
            }
        }
        BadHeadRole { role } if id => format!(
            "Peran kepala kantor \u{ab}{role}\u{bb} bukan peran Dinas di paket ini."
        ),
        BadHeadRole { role } => {
            format!("The office head role \u{ab}{role}\u{bb} is not a district role of this pack.")
        }
        NoVillageIntake { procedure } if id => format!(
            "{}semua langkahnya milik Dinas dan tidak ada berkas yang bisa disiapkan desa: tulis \u{ab}\"intake\": \"office\"\u{bb}.",
            inp(procedure)
        ),
        NoVillageIntake { procedure } => format!(
            "{}every step is the district's and there is no dossier a village could prepare: declare \u{ab}\"intake\": \"office\"\u{bb}.",
            inp(procedure)
        ),
        BadAnswers { procedure, fault } => {
            let what = match (fault, id) {
                (AnswersFault::NotDistrictRole(r), true) => format!("peran \u{ab}{r}\u{bb} bukan peran Dinas prosedur ini"),
                (AnswersFault::NotDistrictRole(r), false) => format!("\u{ab}{r}\u{bb} is not a district role of the procedure"),
                (AnswersFault::UnknownNode(n), true) => format!("simpul \u{ab}{n}\u{bb} tidak ada"),
                (AnswersFault::UnknownNode(n), false) => format!("there is no node \u{ab}{n}\u{bb}"),
                (AnswersFault::NoChoices, true) => "tidak ada pilihan jawaban".to_string(),
                (AnswersFault::NoChoices, false) => "there are no choices".to_string(),
                (AnswersFault::ReceivedIsNoChoice, true) => "\u{ab}received\u{bb} adalah tanda terima, bukan pilihan jawaban".to_string(),
                (AnswersFault::ReceivedIsNoChoice, false) => "\u{ab}received\u{bb} is the receipt, not a choice".to_string(),
                (AnswersFault::UnknownWhen { node, answer }, true) => format!("tidak ada keputusan \u{ab}{node}\u{bb} dengan jawaban \u{ab}{answer}\u{bb}"),
                (AnswersFault::UnknownWhen { node, answer }, false) => format!("there is no decision \u{ab}{node}\u{bb} with the answer \u{ab}{answer}\u{bb}"),
            };
            if id {
                format!("{}jawaban Dinas: {what}.", inp(procedure))
            } else {
                format!("{}district answers: {what}.", inp(procedure))
            }
        }
        RoleSideDiffers { procedure, role } if id => format!(
            "{}peran \u{ab}{role}\u{bb} ada di sisi lain (desa/Dinas) daripada di prosedur sebelumnya.",
            inp(procedure)
        ),
        RoleSideDiffers { procedure, role } => format!(
            "{}role \u{ab}{role}\u{bb} is on the other side (village/district) than in an earlier procedure.",
            inp(procedure)
        ),
        DuplicateNode { procedure, node } if id => format!(
            "{}id \u{ab}{node}\u{bb} dipakai lebih dari sekali.",
            inp(procedure)
        ),
        DuplicateNode { procedure, node } => format!(
            "{}id \u{ab}{node}\u{bb} is used more than once.",
            inp(procedure)
        ),
        NoStart { procedure } if id => format!("{}tidak ada simbol mulai.", inp(procedure)),
        NoStart { procedure } => format!("{}there is no start capsule.", inp(procedure)),
        ManyStarts { procedure, count } if id => {
            format!("{}ada {count} simbol mulai; harus satu.", inp(procedure))
        }
        ManyStarts { procedure, count } => format!(
            "{}there are {count} start capsules; there must be one.",
            inp(procedure)
        ),
        UnknownRole {
            procedure,
            node,
            role,
        } if id => format!(
            "{}peran \u{ab}{role}\u{bb} tidak ada di daftar pelaksana.",
            at(procedure, node)
        ),
        UnknownRole {
            procedure,
            node,
            role,
        } => format!(
            "{}role \u{ab}{role}\u{bb} is not among the roles.",
            at(procedure, node)
        ),
        UnknownDocument {
            procedure,
            node,
            document,
        } if id => format!(
            "{}dokumen \u{ab}{document}\u{bb} tidak ada di katalog.",
            at(procedure, node)
        ),
        UnknownDocument {
            procedure,
            node,
            document,
        } => format!(
            "{}document \u{ab}{document}\u{bb} is not in the catalogue.",
            at(procedure, node)
        ),
        UnknownTarget {
            procedure,
            node,
            target,
        } if id => format!(
            "{}menuju \u{ab}{target}\u{bb} yang tidak ada.",
            at(procedure, node)
        ),
        UnknownTarget {
            procedure,
            node,
            target,
        } => format!(
            "{}leads to \u{ab}{target}\u{bb}, which does not exist.",
            at(procedure, node)
        ),
        TooFewAnswers { procedure, node } if id => format!(
            "{}keputusan butuh paling sedikit dua jawaban.",
            at(procedure, node)
        ),
        TooFewAnswers { procedure, node } => format!(
            "{}a decision needs at least two answers.",
            at(procedure, node)
        ),
        DuplicateAnswer {
            procedure,
            node,
            value,
        } if id => format!(
            "{}jawaban \u{ab}{value}\u{bb} ditulis dua kali.",
            at(procedure, node)
        ),
        DuplicateAnswer {
            procedure,
            node,
            value,
        } => format!(
            "{}answer \u{ab}{value}\u{bb} is given twice.",
            at(procedure, node)
        ),
        Unreachable { procedure, node } if id => {
            format!("{}tidak bisa dicapai dari awal.", at(procedure, node))
        }
        Unreachable { procedure, node } => {
            format!("{}cannot be reached from the start.", at(procedure, node))
        }
        NeverEnds { procedure, node } if id => format!(
            "{}jalur dari sini tidak pernah selesai.",
            at(procedure, node)
        ),
        NeverEnds { procedure, node } => {
            format!("{}no path from here ever ends.", at(procedure, node))
        }
        BadTime {
            procedure,
            node,
            reason,
        } => {
            let why = match (reason, id) {
                (TimeProblem::ZeroDuration, true) => "waktu nol",
                (TimeProblem::ZeroDuration, false) => "zero time",
                (TimeProblem::MaxBelowAmount, true) => "batas atas lebih kecil dari batas bawah",
                (TimeProblem::MaxBelowAmount, false) => "the upper bound is below the lower one",
                (TimeProblem::TooLong, true) => "lebih dari satu tahun",
                (TimeProblem::TooLong, false) => "longer than a year",
                (TimeProblem::DayOutOfMonth, true) => "tanggal di luar 1\u{2013}31",
                (TimeProblem::DayOutOfMonth, false) => "a day outside 1\u{2013}31",
                (TimeProblem::WindowReversed, true) => "tanggal awal sesudah tanggal akhir",
                (TimeProblem::WindowReversed, false) => "the first day is after the last",
            };
            if id {
                format!(
                    "{}standar waktu tidak masuk akal: {why}.",
                    at(procedure, node)
                )
            } else {
                format!(
                    "{}the time standard makes no sense: {why}.",
                    at(procedure, node)
                )
            }
        }
    }
}

/// A field's label.
pub fn field_label(lang: Lang, field: Field) -> &'static str {
    t(
        lang,
        match field {
            Field::FullName => Msg::FieldFullName,
            Field::Nik => Msg::FieldNik,
            Field::Kk => Msg::FieldKk,
            Field::BirthDate => Msg::FieldBirthDate,
            Field::Sex => Msg::FieldSex,
            Field::Address => Msg::FieldAddress,
            Field::Rt => Msg::FieldRt,
            Field::Rw => Msg::FieldRw,
            Field::Village => Msg::FieldVillage,
            Field::District => Msg::FieldDistrict,
            Field::Phone => Msg::FieldPhone,
            Field::Kis => Msg::FieldKis,
        },
    )
}

/// One NIK / KK problem in words.
pub fn id_problem(lang: Lang, problem: &IdProblem) -> String {
    match problem {
        IdProblem::WrongLength { length } => match lang {
            Lang::Id => format!("Harus 16 digit, tertulis {length}."),
            Lang::En => format!("Must be 16 digits, {length} typed."),
        },
        IdProblem::NotDigits => t(lang, Msg::IdNotDigits).into(),
        IdProblem::UnknownProvince { .. } => t(lang, Msg::IdUnknownProvince).into(),
        IdProblem::BadRegion => t(lang, Msg::IdBadRegion).into(),
        IdProblem::ImpossibleBirthDate => t(lang, Msg::IdImpossibleBirthDate).into(),
        IdProblem::BirthDateInFuture => t(lang, Msg::IdBirthDateInFuture).into(),
        IdProblem::ZeroSerial => t(lang, Msg::IdZeroSerial).into(),
    }
}

/// A field problem in words (an identity number may have several).
pub fn field_problem(lang: Lang, problem: &FieldProblem) -> Vec<String> {
    let one = |m| vec![t(lang, m).to_string()];
    match problem {
        FieldProblem::Required => one(Msg::FieldRequired),
        FieldProblem::NoIdentity => one(Msg::FieldNoIdentity),
        FieldProblem::Id(problems) => problems.iter().map(|p| id_problem(lang, p)).collect(),
        FieldProblem::BadDate => one(Msg::FieldBadDate),
        FieldProblem::DateInFuture => one(Msg::FieldDateInFuture),
        FieldProblem::BadNeighbourhood => one(Msg::FieldBadNeighbourhood),
        FieldProblem::BadPhone => one(Msg::FieldBadPhone),
        FieldProblem::BadKis => one(Msg::FieldBadKis),
        FieldProblem::BadSex => one(Msg::FieldBadSex),
        FieldProblem::TooLong { max } => vec![format!(
            "{} {max} {}.",
            t(lang, Msg::TextTooLong),
            t(lang, Msg::TextChars)
        )],
    }
}

/// The titles of the register's recap (`domain::register::recap`); the
/// office's own archive, always in Indonesian.
pub fn recap_header() -> Vec<String> {
    [
        "No",
        "Nomor surat",
        "Tanggal",
        "Nama",
        "NIK",
        "Jenis surat",
        "Petugas",
        "ID kasus",
    ]
    .map(str::to_string)
    .to_vec()
}

/// A date as officers write it: "1 Januari 1990" / "1 January 1990".
pub fn long_date(lang: Lang, d: Date) -> String {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = if lang == Lang::En { EN } else { ID };
    let month = months
        .get(d.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{} {} {}", d.day, month, d.year)
}

/// "November 2026": a cycle named by its month.
pub fn month_year(lang: Lang, year: i32, month: u32) -> String {
    let d = long_date(
        lang,
        Date {
            year,
            month,
            day: 1,
        },
    );
    d.split_once(' ')
        .map_or(d.clone(), |(_, rest)| rest.to_string())
}

/// A list column's title in the file (Indonesian: the lists go to
/// Kemensos, Dinkes and BPJS).
pub fn list_column(lang: Lang, c: Column) -> &'static str {
    match (c, lang) {
        (Column::No, _) => "No",
        (Column::Nik, _) => "NIK",
        (Column::Kk, Lang::Id) => "No. KK",
        (Column::Kk, Lang::En) => "KK number",
        (Column::FullName, Lang::Id) => "Nama",
        (Column::FullName, Lang::En) => "Name",
        (Column::Sex, Lang::Id) => "Jenis Kelamin (L/P)",
        (Column::Sex, Lang::En) => "Sex (L/P)",
        (Column::BirthDate, Lang::Id) => "Tanggal Lahir",
        (Column::BirthDate, Lang::En) => "Date of birth",
        (Column::Address, Lang::Id) => "Alamat",
        (Column::Address, Lang::En) => "Address",
        (Column::Rt, _) => "RT",
        (Column::Rw, _) => "RW",
        (Column::Village, Lang::Id) => "Desa/Kelurahan",
        (Column::Village, Lang::En) => "Village",
        (Column::District, Lang::Id) => "Kecamatan",
        (Column::District, Lang::En) => "Subdistrict",
        (Column::Phone, Lang::Id) => "No. HP",
        (Column::Phone, Lang::En) => "Phone",
        (Column::Reached, Lang::Id) => "Tanggal Usul",
        (Column::Reached, Lang::En) => "Date proposed",
        (Column::CaseId, Lang::Id) => "ID Kasus Pandu",
        (Column::CaseId, Lang::En) => "Pandu case id",
        (Column::Kis, Lang::Id) => "No. Kartu KIS/JKN",
        (Column::Kis, Lang::En) => "KIS/JKN card number",
        (Column::VillageCode, Lang::Id) => "Kode Desa/Kelurahan",
        (Column::VillageCode, Lang::En) => "Village code",
        (Column::Regency, Lang::Id) => "Kabupaten/Kota",
        (Column::Regency, Lang::En) => "Regency/city",
        (Column::Effective, Lang::Id) => "Tanggal Berlaku",
        (Column::Effective, Lang::En) => "Effective date",
    }
}

/// A field's stored value as the officer reads it: a date in words
/// ("12 Maret 1985"), the sex in words, anything else as typed.
pub fn field_value(lang: Lang, field: Field, value: &str) -> String {
    use crate::domain::applicant::{parse_date, parse_sex};
    let value = value.trim();
    match field {
        Field::BirthDate => {
            parse_date(value).map_or_else(|| value.to_string(), |d| long_date(lang, d))
        }
        Field::Sex => match parse_sex(value) {
            Some(Sex::Male) => t(lang, Msg::FieldSexMale).to_string(),
            Some(Sex::Female) => t(lang, Msg::FieldSexFemale).to_string(),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The words a letter needs, in this language (`domain::letters`).
impl crate::domain::letters::Words for Lang {
    fn long_date(&self, d: Date) -> String {
        long_date(*self, d)
    }
    fn sex(&self, s: Sex) -> String {
        t(
            *self,
            match s {
                Sex::Male => Msg::FieldSexMale,
                Sex::Female => Msg::FieldSexFemale,
            },
        )
        .to_string()
    }
}

/// A NIK disagreement in words.
pub fn nik_warning(lang: Lang, warning: &NikWarning) -> String {
    let sex = |s: Sex| match s {
        Sex::Male => t(lang, Msg::FieldSexMale),
        Sex::Female => t(lang, Msg::FieldSexFemale),
    };
    match (warning, lang) {
        (NikWarning::BirthDateDiffers { from_nik, .. }, Lang::Id) => format!(
            "Menurut NIK, tanggal lahir {}. Periksa lagi NIK atau tanggal lahir.",
            long_date(lang, *from_nik)
        ),
        (NikWarning::BirthDateDiffers { from_nik, .. }, Lang::En) => format!(
            "The NIK says born {}. Check the NIK or the date of birth.",
            long_date(lang, *from_nik)
        ),
        (NikWarning::SexDiffers { from_nik, .. }, Lang::Id) => format!(
            "Menurut NIK, jenis kelamin {}. Periksa lagi.",
            sex(*from_nik).to_lowercase()
        ),
        (NikWarning::SexDiffers { from_nik, .. }, Lang::En) => {
            format!(
                "The NIK says {}. Check again.",
                sex(*from_nik).to_lowercase()
            )
        }
    }
}

/// A photo problem in words.
pub fn photo_problem(lang: Lang, problem: &PhotoProblem) -> &'static str {
    t(
        lang,
        match problem {
            PhotoProblem::NotImage => Msg::PhotoNotImage,
            PhotoProblem::TooLarge { .. } => Msg::PhotoTooLarge,
            PhotoProblem::CannotShrink => Msg::PhotoCannotShrink,
            PhotoProblem::Failed(_) => Msg::PhotoFailed,
        },
    )
}

/// A span of time, to the minute: "2 hari 3 jam", "45 menit", "< 1 menit".
pub fn span(lang: Lang, millis: i64) -> String {
    let minutes = millis.max(0) / 60_000;
    let (d, h, m) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let words = match lang {
        Lang::Id => ("hari", "jam", "menit", "< 1 menit"),
        Lang::En => ("d", "h", "min", "< 1 min"),
    };
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} {}", words.0));
    }
    if h > 0 {
        parts.push(format!("{h} {}", words.1));
    }
    if m > 0 && d == 0 {
        parts.push(format!("{m} {}", words.2));
    }
    if parts.is_empty() {
        words.3.to_string()
    } else {
        parts.join(" ")
    }
}

/// "23 November 2026 09:05 WIB": the regency's local time, its zone named.
pub fn date_time(lang: Lang, at: i64, offset_minutes: i32) -> String {
    let date = local_date(at, offset_minutes);
    let minute_of_day = (at + i64::from(offset_minutes) * 60_000).rem_euclid(86_400_000) / 60_000;
    format!(
        "{} {:02}:{:02} {}",
        long_date(lang, date),
        minute_of_day / 60,
        minute_of_day % 60,
        zone_name(offset_minutes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_dates_read_naturally() {
        assert_eq!(span(Lang::Id, 30_000), "< 1 menit");
        assert_eq!(span(Lang::Id, 45 * 60_000), "45 menit");
        assert_eq!(span(Lang::Id, (26 * 60 + 5) * 60_000), "1 hari 2 jam");
        assert_eq!(span(Lang::En, 65 * 60_000), "1 h 5 min");
        assert_eq!(span(Lang::En, -5), "< 1 min");
        let d = Date::new(1990, 1, 1).unwrap();
        assert_eq!(long_date(Lang::Id, d), "1 Januari 1990");
        assert_eq!(long_date(Lang::En, d), "1 January 1990");
        // 2026-11-23 02:05 UTC is 09:05 WIB.
        let at = crate::domain::date::local_midnight(Date::new(2026, 11, 23).unwrap(), 0)
            + (2 * 60 + 5) * 60_000;
        assert_eq!(date_time(Lang::Id, at, 420), "23 November 2026 09:05 WIB");
        // Banjarbaru's time names its zone.
        assert_eq!(date_time(Lang::Id, at, 480), "23 November 2026 10:05 WITA");
        assert_eq!(date_time(Lang::En, at, 540), "23 November 2026 11:05 WIT");
    }

    #[test]
    fn every_id_and_field_problem_has_words_in_both_languages() {
        let problems = [
            IdProblem::WrongLength { length: 12 },
            IdProblem::NotDigits,
            IdProblem::UnknownProvince { code: "00".into() },
            IdProblem::BadRegion,
            IdProblem::ImpossibleBirthDate,
            IdProblem::BirthDateInFuture,
            IdProblem::ZeroSerial,
        ];
        for lang in Lang::ALL {
            let words: Vec<String> = problems.iter().map(|p| id_problem(lang, p)).collect();
            let mut unique = words.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), words.len(), "{lang:?}: {words:?}");
            assert!(id_problem(lang, &problems[0]).contains("12"));
            for f in Field::ALL {
                assert!(!field_label(lang, f).is_empty());
            }
            assert_eq!(
                field_problem(lang, &FieldProblem::Id(problems.to_vec())).len(),
                7
            );
        }
        assert_ne!(
            photo_problem(Lang::Id, &PhotoProblem::NotImage),
            photo_problem(Lang::En, &PhotoProblem::NotImage)
        );
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        for &m in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!t(lang, m).trim().is_empty(), "{m:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn indonesian_is_the_default_and_differs_from_english() {
        assert_eq!(Lang::default(), Lang::Id);
        let same: Vec<_> = Msg::ALL
            .iter()
            .filter(|&&m| t(Lang::Id, m) == t(Lang::En, m))
            .collect();
        assert!(same.is_empty(), "untranslated: {same:?}");
    }

    #[test]
    fn language_codes_round_trip_and_unknown_falls_back_to_indonesian() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), lang);
        }
        assert_eq!(Lang::from_code("fr"), Lang::Id);
        assert_eq!(Lang::from_code(""), Lang::Id);
    }

    #[test]
    fn every_storage_problem_has_distinct_words() {
        let problems = [
            StorageProblem::Unsupported,
            StorageProblem::Denied("x".into()),
            StorageProblem::QuotaExceeded,
            StorageProblem::VersionTooNew,
            StorageProblem::Blocked,
            StorageProblem::Closed,
            StorageProblem::Corrupt("x".into()),
            StorageProblem::Other("x".into()),
        ];
        for lang in Lang::ALL {
            let mut texts: Vec<_> = problems.iter().map(|p| storage_problem(lang, p)).collect();
            texts.sort();
            texts.dedup();
            assert_eq!(
                texts.len(),
                problems.len(),
                "two problems share words in {lang:?}"
            );
        }
        assert!(storage_problem(Lang::Id, &StorageProblem::QuotaExceeded).contains("penuh"));
    }

    #[test]
    fn bytes_use_the_languages_decimal_separator() {
        for (lang, bytes, expected) in [
            (Lang::Id, 0, "0 B"),
            (Lang::Id, 1023, "1023 B"),
            (Lang::Id, 1536, "1,5 KB"),
            (Lang::En, 1536, "1.5 KB"),
            (Lang::En, 5 * 1024 * 1024 * 1024, "5.0 GB"),
        ] {
            assert_eq!(format_bytes(lang, bytes), expected);
        }
        assert_eq!(
            storage_usage(Lang::Id, 1536, 1024 * 1024),
            "1,5 KB dari 1,0 MB terpakai (0,1%)"
        );
        assert_eq!(storage_usage(Lang::En, 0, 0), "0 B of 0 B used (0.0%)");
    }

    #[test]
    fn case_count_agrees_in_number() {
        assert_eq!(case_count(Lang::Id, 1), "1 kasus");
        assert_eq!(case_count(Lang::En, 1), "1 case");
        assert_eq!(case_count(Lang::En, 2), "2 cases");
    }

    #[test]
    fn time_standards_read_as_the_sop_writes_them() {
        use TimeStandard::*;
        let minutes = |n| Duration {
            amount: n,
            max: None,
            unit: TimeUnit::Minutes,
        };
        for (time, id, en) in [
            (minutes(10), "10 menit", "10 minutes"),
            (minutes(1), "1 menit", "1 minute"),
            (
                Duration {
                    amount: 2,
                    max: Some(3),
                    unit: TimeUnit::Hours,
                },
                "2\u{2013}3 jam",
                "2\u{2013}3 hours",
            ),
            (
                Duration {
                    amount: 1,
                    max: None,
                    unit: TimeUnit::Months,
                },
                "1 bulan",
                "1 month",
            ),
            (
                MonthWindow {
                    from_day: 1,
                    to_day: 15,
                },
                "Tanggal 1\u{2013}15 setiap bulan",
                "Day 1\u{2013}15 of each month",
            ),
            (
                MonthlyCutoff { day: 25 },
                "Paling lambat tanggal 25; berlaku tanggal 1 bulan berikutnya",
                "By day 25 of the month; effective the 1st of the next month",
            ),
            (SameDay, "Hari yang sama", "Same day"),
        ] {
            assert_eq!(time_standard(Lang::Id, &time), id);
            assert_eq!(time_standard(Lang::En, &time), en);
        }
    }

    #[test]
    fn pack_problems_say_where_in_both_languages() {
        let p = PackProblem::UnknownRole {
            procedure: "enrolment".into(),
            node: "s1".into(),
            role: "lurah".into(),
        };
        assert_eq!(pack_problem(Lang::Id, &p), "Prosedur \u{ab}enrolment\u{bb}, simpul \u{ab}s1\u{bb}: peran \u{ab}lurah\u{bb} tidak ada di daftar pelaksana.");
        assert_eq!(pack_problem(Lang::En, &p), "Procedure \u{ab}enrolment\u{bb}, node \u{ab}s1\u{bb}: role \u{ab}lurah\u{bb} is not among the roles.");
        let m = PackProblem::Malformed {
            line: 3,
            column: 7,
            message: "missing field `version`".into(),
        };
        assert!(pack_problem(Lang::Id, &m).starts_with("Baris 3, kolom 7"));
        let t = PackProblem::BadTime {
            procedure: "p".into(),
            node: "a".into(),
            reason: TimeProblem::WindowReversed,
        };
        assert!(pack_problem(Lang::Id, &t).ends_with("tanggal awal sesudah tanggal akhir."));
        for o in [
            Outcome::Served,
            Outcome::Proposed,
            Outcome::Recommended,
            Outcome::Returned,
            Outcome::Refused,
            Outcome::Completed,
        ] {
            assert_ne!(outcome(Lang::Id, o), outcome(Lang::En, o));
        }
    }
}
