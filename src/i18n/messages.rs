//! The fixed interface texts both wings show, both languages on one line
//! each. Texts only the office workspace shows are in `office_messages`,
//! so the village app's wasm does not carry them.

use super::{Lang, Words};

messages! {
    Msg;
    SkipToContent => "Lewati ke isi", "Skip to content";
    NavMain => "Menu utama", "Main menu";
    NavHome => "Beranda", "Home";
    NavSettings => "Pengaturan", "Settings";
    NavAbout => "Tentang", "About";
    NavProcedures => "Prosedur", "Procedures";
    Loading => "Memuat…", "Loading…";
    DeferredFailed => "Bagian Pandu untuk halaman ini belum tersimpan di perangkat ini, atau unduhannya terputus. Sambungkan ke internet, lalu coba lagi. Data yang sudah tersimpan tetap aman.", "The part of Pandu for this page is not on this device yet, or its download broke off. Connect to the internet, then try again. Data already stored is safe.";
    DeferredRetry => "Coba lagi", "Try again";

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
    ProcedureOutput => "Hasil", "Output";
    SideVillage => "desa/kelurahan", "village";
    SideDistrict => "dinas", "district";

    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundBody => "Alamat ini tidak ada di Pandu. Data Anda aman.", "This address does not exist in Pandu. Your data is safe.";
    NotFoundBack => "Kembali ke Beranda", "Back to Home";
    WingOfficeDevice => "Perangkat ini adalah kantor Dinas Sosial: pekerjaannya ada di ruang kerja kantor.", "This device is the district office: its work is in the office workspace.";
    WingOpenOffice => "Buka ruang kerja kantor", "Open the office workspace";
    WingSettingsTitle => "Dinas Sosial", "District office";
    WingSettingsText => "Laptop kantor Dinas Sosial bekerja di ruang kerja kantor, yang dimuat terpisah. HP petugas desa tidak memerlukannya.", "The district office laptop works in the office workspace, which loads separately. Village officers' phones do not need it.";

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
    CaseNewBack => "← Pilih prosedur", "← Choose a procedure";
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

    RecvTitle => "Terima paket", "Receive a bundle";
    RecvHelp => "Pilih file .pandu dari WhatsApp, email atau flashdisk, atau seret ke sini.", "Pick a .pandu file from WhatsApp, email or a USB stick, or drop it here.";
    RecvPick => "Pilih file paket", "Pick a bundle file";
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

    DevLastBundle => "Paket terakhir no.", "Last bundle no.";

    AnswerTitle => "Jawaban Dinas", "District's answer";
    AnswerMissing => "Dokumen yang kurang", "Missing documents";
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
    StaffNameMissing => "Nama wajib diisi.", "The name is required.";
    StaffNameTooLong => "Nama terlalu panjang (paling banyak 60 huruf).", "The name is too long (60 characters at most).";
    StaffNameTaken => "Nama ini sudah dipakai staf lain di laptop ini.", "Another staff member on this laptop has this name.";
    StaffRoleUnknown => "Pilih peran dari paket prosedur kantor.", "Choose a role from the office's procedure pack.";
    StaffPinMalformed => "PIN harus 4 sampai 8 angka.", "The PIN must be 4 to 8 digits.";
    StaffPinMismatch => "Kedua PIN tidak sama.", "The two PINs differ.";
    StaffFirstNotHead => "Staf pertama harus memegang peran kepala kantor (lihat petunjuk di atas).", "The first staff member must hold the office head's role (see the note above).";
    StaffNoHead => "Belum ada kepala kantor di daftar staf: tambahkan dulu sebelum menghapus staf.", "No office head is on the staff yet: add one before removing anyone.";
    StaffMemberUnknown => "Staf ini sudah tidak ada di daftar.", "This staff member is no longer on the list.";
    StaffNotConfirmed => "Tekan \"Ya, hapus\" untuk memastikan penghapusan.", "Press \"Yes, remove\" to confirm the removal.";
    StaffLastHead => "Kepala kantor terakhir tidak dapat dihapus: tambahkan dulu staf lain dengan peran kepala kantor, lalu hapus yang ini.", "The last office head cannot be removed: first add another member with the head's role, then remove this one.";
    StaffNotHead => "Hanya kepala kantor yang dapat menyetujui perubahan staf.", "Only the office head can authorise staff changes.";
    StaffHeadPinMissing => "Ketik PIN kepala kantor untuk menyetujui perubahan ini.", "Type the office head's PIN to authorise this change.";
    StaffHeadPinWrong => "PIN kepala kantor salah. Tidak ada yang diubah.", "The office head's PIN is wrong. Nothing was changed.";
    StaffLogAdded => "Ditambahkan", "Added";
    StaffLogRemoved => "Dihapus", "Removed";
    StaffLogUpdated => "Pangkat/NIP diubah", "Rank/NIP changed";
    StaffLogBy => "disetujui oleh", "authorised by";
    StaffRankTooLong => "Pangkat/golongan terlalu panjang.", "The rank is too long.";
    StaffNipMalformed => "NIP harus 18 angka: 8 angka tanggal lahir (TTTTBBHH), 6 angka TMT, 1 angka jenis kelamin (1 atau 2), 3 angka urut.", "A NIP is 18 digits: 8 for the date of birth (YYYYMMDD), 6 for the start of service, 1 for sex (1 or 2), 3 in sequence.";
    StaffLogAccepted => "Daftar staf yang tidak dapat dipastikan diterima dengan PIN Pandu; jumlah anggota", "A staff list that could not be verified was accepted with the Pandu PIN; members";
    StaffLogCleared => "Daftar staf yang tidak dapat dipastikan dikosongkan dengan PIN Pandu", "A staff list that could not be verified was cleared with the Pandu PIN";
    VaultOfficeHelp => "Laptop kantor: masukkan PIN Pandu untuk membuka Pandu. Pandu memintanya lagi di setiap tab baru, setelah dimuat ulang, dan setelah 15 menit tidak dipakai. Setelah itu setiap staf masuk dengan PIN-nya sendiri di Kotak masuk; saat Pandu terkunci, staf yang sedang masuk dikeluarkan.", "Office laptop: enter the Pandu PIN to open Pandu. Pandu asks again in every new tab, after a reload, and after 15 minutes unused. Then each staff member signs in with their own PIN in the Inbox; when Pandu locks, whoever was signed in is signed out.";
    VaultForgotOffice => "Laptop kantor: tanpa cadangan kunci kantor, paket yang dikirim desa dengan kunci lama tidak dapat dibuka lagi. Pastikan file cadangan kunci Dinas ada sebelum menghapus.", "Office laptop: without the office key backup, bundles the villages sent to the old key cannot be opened again. Make sure the office key backup file is at hand before deleting.";
    ActSwitchUser => "Biarkan staf peran itu masuk lewat Kotak masuk > Ganti pengguna; jika belum ada staf dengan peran itu, tambahkan dulu di Pengaturan > Staf kantor.", "Let a member of that role sign in through Inbox > Switch user; if nobody holds that role yet, add them first in Settings > Office staff.";
    InboxNoStandard => "Tanpa batas waktu", "No time standard";
    InboxLate => "Terlambat", "Late by";
    InboxLeft => "Sisa waktu", "Time left";
    EvPaper => "surat nomor", "letter number";
    ActOutputs => "Hasil langkah ini belum lengkap atau belum benar; perbaiki lalu selesaikan langkahnya. Tidak ada yang dicatat:", "What this step produced is missing or not right; correct it, then finish the step. Nothing was recorded:";
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
    SignerNoHolder => "Belum ada staf kantor yang memegang peran penanda tangan:", "No office staff member holds the signing role:";
    SignerNoNip => "belum punya NIP di daftar staf, padahal NIP dicetak di bawah tanda tangan.", "has no NIP on the staff list, and the NIP is printed under the signature.";
    SignerAddHint => "Isi nama lengkap dan NIP penanda tangan di Pengaturan > Staf kantor. Tidak ada nomor yang dipakai.", "Enter the signer's full name and NIP in Settings > Office staff. No number was used.";
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
pub fn t(lang: Lang, msg: impl Words) -> &'static str {
    let (id, en) = msg.texts();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}
